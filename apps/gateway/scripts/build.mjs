// `npm run build`: the gateway and the call-log worker compiled to dist/*.mjs (with source maps).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleNode } from "../../../scripts/lib/bundle.mjs";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { outputs } = await bundleNode({ packageDir, entryPoints: ["src/main.ts", "src/log-worker-main.ts"] });
console.log(`built ${outputs.filter((file) => !file.endsWith(".map")).join(", ")}`);
