import type { DbClient } from "../transaction";
import { CHANGE_CHANNEL, type ChangeEvent } from "./change-event";

/** Broadcasts a change to every listener (Postgres NOTIFY); inside a transaction it is sent at commit. */
export async function notifyChange(db: DbClient, event: ChangeEvent): Promise<void> {
  // executeRaw, not queryRaw: pg_notify returns `void`, a column type the pg adapter cannot read
  await db.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(event)})`;
}
