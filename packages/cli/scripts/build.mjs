// `npm run build`: the CLI compiled to dist/toolgate.mjs (with a source map), the file a published
// package runs; in the workspace bin/toolgate.mjs runs the TypeScript source through tsx.
import { chmodSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleNode } from "../../../scripts/lib/bundle.mjs";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
await bundleNode({
  packageDir,
  entryPoints: { toolgate: "src/bin.ts" },
  banner: "#!/usr/bin/env node",
});
chmodSync(resolve(packageDir, "dist/toolgate.mjs"), 0o755);
console.log("built dist/toolgate.mjs");
