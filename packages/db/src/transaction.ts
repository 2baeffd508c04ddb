import type { Db } from "./create-db";
import type { Prisma } from "./generated/prisma/client";

/** A client or an open transaction: repository functions take either, so callers can compose them atomically. */
export type DbClient = Db | Prisma.TransactionClient;

/** Runs `fn` in a transaction: a new one on a client, or the caller's when already given one. */
export async function inTransaction<T>(
  db: DbClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  if ("$transaction" in db) return db.$transaction(fn, options);
  return fn(db);
}
