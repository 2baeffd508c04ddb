import { defineConfig } from "@playwright/test";

// The stack (dashboard, gateway, demo upstream) is started by `npm test` before Playwright runs;
// it passes the URLs in E2E_* variables, and the Chromium it found or installed in CHROMIUM_PATH
// (unset: Playwright's own browser).
export default defineConfig({
  testDir: "./tests",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  outputDir: "./test-results",
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.E2E_WEB_URL ?? "http://localhost:3000",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
