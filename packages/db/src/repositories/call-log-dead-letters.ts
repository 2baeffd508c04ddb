import type { Db } from "../create-db";
import { newId } from "../new-id";

/** A call-log record Postgres would not store, with the reason; `payload` is the record as JSON text. */
export type CallLogDeadLetterInput = { tenantId: string; recordId: string; reason: string; payload: string };

/** Keeps records that could not be written as call logs, so none is lost silently. */
export async function insertCallLogDeadLetters(db: Db, letters: CallLogDeadLetterInput[]): Promise<void> {
  if (letters.length === 0) return;
  await db.callLogDeadLetter.createMany({
    data: letters.map((letter) => ({ id: newId("dlq"), ...letter })),
  });
}

/** How many call-log records were dead-lettered: one tenant's, or (for the gateway's health) all. */
export async function countCallLogDeadLetters(db: Db, tenantId?: string): Promise<number> {
  return db.callLogDeadLetter.count(tenantId === undefined ? undefined : { where: { tenantId } });
}
