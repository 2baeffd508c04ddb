import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Where the schema and migrations live; overridable for tests that work on a copy. */
export type MigrationPaths = { schemaPath: string; migrationsDir: string };

export const defaultPaths: MigrationPaths = {
  schemaPath: resolve(repoRoot, "prisma/schema.prisma"),
  migrationsDir: resolve(repoRoot, "prisma/migrations"),
};
