import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Globals: unit tests live in src/, where the boundary lint allows no imports but zod.
    globals: true,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
