import type { Db } from "../create-db";
import { CHANGE_CHANNEL, type ChangeEvent } from "./change-event";

/** Broadcasts a change to every listener (Postgres NOTIFY); call it after the change committed. */
export async function notifyChange(db: Db, event: ChangeEvent): Promise<void> {
  // executeRaw, not queryRaw: pg_notify returns `void`, a column type the pg adapter cannot read
  await db.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(event)})`;
}
