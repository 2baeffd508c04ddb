import { readMigrations } from "./migrations-dir";
import { defaultPaths, type MigrationPaths } from "./paths";
import { withEngine } from "./with-engine";

/** `inSync: false` means schema.prisma has changes no migration creates; `summary` lists them. */
export type MigrateCheckResult = { inSync: boolean; summary: string };

/** Diffs the migration history (replayed on a shadow database) against schema.prisma: the CI check. */
export async function migrateCheck(
  databaseUrl: string,
  paths: MigrationPaths = defaultPaths,
): Promise<MigrateCheckResult> {
  const result = await withEngine(databaseUrl, paths, (engine, schema) =>
    engine.diff({
      from: { tag: "migrations", ...readMigrations(paths.migrationsDir) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: false,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  return { inSync: result.exitCode === 0, summary: (result.stdout ?? "").trim() };
}
