import { parseDatabaseUrl } from "./database-target";
import { ensureDatabase } from "./ensure-database";
import { readMigrations } from "./migrations-dir";
import { defaultPaths, type MigrationPaths } from "./paths";
import { withEngine } from "./with-engine";

/** Creates the database if missing and applies pending migrations; returns the names applied. */
export async function migrateDeploy(
  databaseUrl: string,
  paths: MigrationPaths = defaultPaths,
): Promise<{ applied: string[]; createdDatabase: boolean }> {
  const createdDatabase = await ensureDatabase(parseDatabaseUrl(databaseUrl));
  const applied = await withEngine(databaseUrl, paths, async (engine) => {
    const output = await engine.applyMigrations({
      migrationsList: readMigrations(paths.migrationsDir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return output.appliedMigrationNames;
  });
  return { applied, createdDatabase };
}
