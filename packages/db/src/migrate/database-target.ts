import { MigrationError } from "../errors";

/** Connection fields of one Postgres database, kept apart so the database name can be swapped safely. */
export type DatabaseTarget = {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
};

/** Splits a postgres:// URL into fields (pg lets a URL's database override an explicit one). */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch (error) {
    throw new MigrationError("DATABASE_URL is not a valid URL.", { cause: error });
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new MigrationError(`DATABASE_URL must start with postgresql://, got ${url.protocol}//`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (database === "") throw new MigrationError("DATABASE_URL names no database.");
  return {
    host: decodeURIComponent(url.hostname) || "127.0.0.1",
    port: url.port === "" ? 5432 : Number(url.port),
    user: decodeURIComponent(url.username) || "postgres",
    password: url.password === "" ? undefined : decodeURIComponent(url.password),
    database,
  };
}

/** Double-quotes an identifier for SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
