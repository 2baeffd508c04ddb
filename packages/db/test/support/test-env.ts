/** The database the integration tests use; CI may point it elsewhere. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";
}
