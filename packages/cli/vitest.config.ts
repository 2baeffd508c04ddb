import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Spawning the real bin through tsx takes a moment per run.
    testTimeout: 30_000,
  },
});
