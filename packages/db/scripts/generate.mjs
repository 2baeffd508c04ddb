// Generates the Prisma client into src/generated without downloading Prisma's native engine.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const result = spawnSync(
  resolve(here, "../node_modules/.bin/prisma"),
  ["generate", "--config", resolve(root, "prisma.config.ts")],
  {
    cwd: resolve(here, ".."),
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: resolve(here, "no-schema-engine.sh"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
process.exit(result.status ?? 1);
