import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// policy-core's own tests, run with a recorder; used only by collect-policy-corpus.ts.
export default defineConfig({
  root: fileURLToPath(new URL("../../../../../packages/policy-core", import.meta.url)),
  test: {
    globals: true,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: [fileURLToPath(new URL("./record-policies.setup.ts", import.meta.url))],
    reporters: ["dot"],
  },
});
