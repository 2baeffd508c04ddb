import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MigrationError } from "../errors";
import { parseDatabaseUrl } from "./database-target";
import { ensureDatabase } from "./ensure-database";
import { migrateDeploy } from "./migrate-deploy";
import { LOCKFILE_CONTENT, LOCKFILE_NAME, readMigrations } from "./migrations-dir";
import { defaultPaths, type MigrationPaths } from "./paths";
import { withEngine } from "./with-engine";

export type MigrateDevResult = {
  /** The folder written under the migrations directory, or null when the schema had no changes. */
  created: string | null;
  /** Migrations applied to the database afterwards (none with createOnly). */
  applied: string[];
};

const NAME_PATTERN = /^[a-z0-9_]+$/;

// Prisma's folder prefix: UTC yyyyMMddHHmmss, so folders sort in creation order
function migrationTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * Diffs schema.prisma against the migration history (replayed on a shadow database), writes
 * `<migrations>/<timestamp>_<name>/migration.sql`, then applies it unless `createOnly`.
 */
export async function migrateDev(
  databaseUrl: string,
  input: { name: string; createOnly?: boolean },
  paths: MigrationPaths = defaultPaths,
): Promise<MigrateDevResult> {
  const name = input.name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (!NAME_PATTERN.test(name)) {
    throw new MigrationError(`Migration name "${input.name}" may contain only letters, digits, "_" and "-".`);
  }
  await ensureDatabase(parseDatabaseUrl(databaseUrl));
  // diff, not the engine's createMigration: in the wasm build that one cannot use an adapter's shadow database
  const diff = await withEngine(databaseUrl, paths, (engine, schema) =>
    engine.diff({
      from: { tag: "migrations", ...readMigrations(paths.migrationsDir) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  if (diff.exitCode === 0 || diff.stdout === null) {
    return {
      created: null,
      applied: input.createOnly ? [] : (await migrateDeploy(databaseUrl, paths)).applied,
    };
  }
  const created = `${migrationTimestamp(new Date())}_${name}`;
  const folder = join(paths.migrationsDir, created);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), diff.stdout);
  const lockfile = join(paths.migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockfile)) writeFileSync(lockfile, LOCKFILE_CONTENT);
  const applied = input.createOnly ? [] : (await migrateDeploy(databaseUrl, paths)).applied;
  return { created, applied };
}
