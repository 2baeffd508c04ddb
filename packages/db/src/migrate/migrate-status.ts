import type { HistoryDiagnostic } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { readMigrations } from "./migrations-dir";
import { defaultPaths, type MigrationPaths } from "./paths";
import { withEngine } from "./with-engine";

export type MigrateStatusResult = {
  /** Every migration folder on disk, oldest first. */
  migrations: string[];
  /** On disk but not applied to the database. */
  pending: string[];
  /** Applied to the database but missing on disk. */
  unknownApplied: string[];
  failed: string[];
  /** Applied, but the file changed since. */
  edited: string[];
  upToDate: boolean;
};

function pendingOf(history: HistoryDiagnostic | null): { pending: string[]; unknownApplied: string[] } {
  if (history === null) return { pending: [], unknownApplied: [] };
  switch (history.diagnostic) {
    case "databaseIsBehind":
      return { pending: history.unappliedMigrationNames, unknownApplied: [] };
    case "migrationsDirectoryIsBehind":
      return { pending: [], unknownApplied: history.unpersistedMigrationNames };
    case "historiesDiverge":
      return { pending: history.unappliedMigrationNames, unknownApplied: history.unpersistedMigrationNames };
  }
}

/** Compares the migrations on disk with the `_prisma_migrations` table of the database. */
export async function migrateStatus(
  databaseUrl: string,
  paths: MigrationPaths = defaultPaths,
): Promise<MigrateStatusResult> {
  const migrationsList = readMigrations(paths.migrationsDir);
  const diagnosis = await withEngine(databaseUrl, paths, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  const { pending, unknownApplied } = pendingOf(diagnosis.history);
  const failed = diagnosis.failedMigrationNames;
  const edited = diagnosis.editedMigrationNames;
  return {
    migrations: migrationsList.migrationDirectories.map((d) => d.path),
    pending,
    unknownApplied,
    failed,
    edited,
    upToDate: pending.length + unknownApplied.length + failed.length + edited.length === 0,
  };
}
