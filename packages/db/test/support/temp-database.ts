import { randomUUID } from "node:crypto";
import pg from "pg";
import { testDatabaseUrl } from "./test-env";

/** A URL for a database that does not exist yet, and a function that drops it. */
export function tempDatabase(): { url: string; drop: () => Promise<void> } {
  const name = `toolgate_tmp_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  const admin = new URL(testDatabaseUrl());
  admin.pathname = "/postgres";
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
