import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const LOCKFILE_NAME = "migration_lock.toml";
export const LOCKFILE_CONTENT =
  '# Written by packages/db\'s migration runner; keep it in git.\nprovider = "postgresql"\n';

/** Reads `prisma/migrations` the way Prisma's CLI does: one folder per migration, each with migration.sql. */
export function readMigrations(migrationsDir: string): MigrationList {
  const lockPath = join(migrationsDir, LOCKFILE_NAME);
  const folders = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((name) => statSync(join(migrationsDir, name)).isDirectory())
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE_NAME, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: folders.map((folder) => {
      const file = join(migrationsDir, folder, "migration.sql");
      return {
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}
