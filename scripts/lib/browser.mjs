// Finds a Chromium for the Playwright journeys, or obtains one: Playwright's own browser, else a
// system Chromium/Chrome, else `playwright install chromium`, else the OS package (root + apt-get).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "./run.mjs";

const e2eDir = resolve(repoRoot, "e2e");
const playwrightCli = resolve(e2eDir, "node_modules/.bin/playwright");

const systemCandidates = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "/usr/bin/chromium",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Where Playwright's own Chromium lives (or would live) on this machine. */
function playwrightChromium() {
  const result = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      "const { chromium } = await import('@playwright/test'); console.log(chromium.executablePath());",
    ],
    { cwd: e2eDir, encoding: "utf8" },
  );
  const path = result.stdout?.trim();
  return result.status === 0 && path && existsSync(path) ? path : undefined;
}

function systemChromium() {
  for (const candidate of systemCandidates) {
    if (candidate.startsWith("/")) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    const found = spawnSync("sh", ["-c", `command -v ${candidate}`], { encoding: "utf8" });
    const path = found.stdout?.trim();
    if (found.status === 0 && path) return path;
  }
  return undefined;
}

function canUseApt() {
  return (
    process.platform === "linux" &&
    process.getuid?.() === 0 &&
    spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0
  );
}

/**
 * Returns the path of a Chromium to launch; installs one when none is found. Throws an Error with one
 * line saying what to install when every way failed. `log` receives progress lines.
 */
export function findOrObtainChromium(log = console.log) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = playwrightChromium() ?? systemChromium();
  if (found !== undefined) return found;

  log("No Chromium found: trying `playwright install chromium`…");
  const installed = spawnSync(playwrightCli, ["install", "chromium"], {
    cwd: e2eDir,
    stdio: "inherit",
    timeout: 300_000,
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "" },
  });
  if (installed.status === 0) {
    const path = playwrightChromium();
    if (path !== undefined) return path;
  }

  if (canUseApt()) {
    log("Playwright could not download its browser: installing Debian's chromium with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    const path = systemChromium();
    if (path !== undefined) return path;
  }
  throw new Error(
    "No Chromium for the Playwright journeys: install Chromium or Google Chrome (Debian/Ubuntu: `sudo apt-get install chromium`), or run `npx playwright install chromium` in e2e/.",
  );
}
