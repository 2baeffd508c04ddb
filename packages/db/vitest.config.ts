import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    // real Postgres round trips, and the migration tests create and drop databases
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
