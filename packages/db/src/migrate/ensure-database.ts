import pg from "pg";
import { type DatabaseTarget, quoteIdent } from "./database-target";

/** Creates the target database if it does not exist; true when it was created. */
export async function ensureDatabase(target: DatabaseTarget): Promise<boolean> {
  const client = new pg.Client({ ...target, database: "postgres", application_name: "toolgate-migrate" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [target.database]);
    if (found.rowCount !== 0) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(target.database)}`);
    } catch (error) {
      // a concurrent deploy (parallel test runs) created it first: "already exists", or the
      // catalogue's unique index when both CREATEs raced
      if (error instanceof pg.DatabaseError && (error.code === "42P04" || error.code === "23505"))
        return false;
      throw error;
    }
    return true;
  } finally {
    await client.end();
  }
}
