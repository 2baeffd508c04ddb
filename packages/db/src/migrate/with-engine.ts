import { readFileSync } from "node:fs";
import { parseDatabaseUrl } from "./database-target";
import { loadEngine, type SchemaEngine } from "./load-engine";
import type { MigrationPaths } from "./paths";

export type SchemaFile = { path: string; content: string };

/** Runs `work` with a schema engine on the database, freeing the engine afterwards. */
export async function withEngine<T>(
  databaseUrl: string,
  paths: MigrationPaths,
  work: (engine: SchemaEngine, schema: SchemaFile) => Promise<T>,
): Promise<T> {
  const schema: SchemaFile = { path: paths.schemaPath, content: readFileSync(paths.schemaPath, "utf8") };
  const { engine, toMigrationError, close } = await loadEngine(parseDatabaseUrl(databaseUrl), schema);
  try {
    return await work(engine, schema);
  } catch (error) {
    throw toMigrationError(error);
  } finally {
    await close();
  }
}
