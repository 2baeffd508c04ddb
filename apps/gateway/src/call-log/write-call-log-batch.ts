import {
  type CallLogDeadLetterInput,
  type CallLogRecord,
  type Db,
  insertCallLogDeadLetters,
  insertCallLogs,
  touchGrantsLastUsed,
} from "@toolgate/db";
import type { Logger } from "pino";

export type BatchOutcome = { written: number; deadLettered: number };

/**
 * Writes a batch of call logs. If the batch insert fails while Postgres answers, one bad record is the
 * likely cause: each record is then written on its own, and any that Postgres still refuses goes to the
 * dead-letter table with the reason. If Postgres does not answer, this throws and the batch is retried.
 */
export async function writeCallLogBatch(
  db: Db,
  logger: Logger,
  records: CallLogRecord[],
  invalid: CallLogDeadLetterInput[] = [],
): Promise<BatchOutcome> {
  const letters = [...invalid];
  let written = records.length;
  try {
    // skipDuplicates-style (ON CONFLICT DO NOTHING) makes a retried batch idempotent.
    await insertCallLogs(db, records);
  } catch (batchError) {
    // A deadlock or serialisation failure says nothing about the records: the whole batch is retried.
    if (isTransient(batchError)) throw batchError;
    await db.$queryRaw`SELECT 1`; // throws while Postgres is down: then the whole batch is retried later
    logger.warn(
      { err: batchError, records: records.length },
      "call-log batch refused; writing its records one by one",
    );
    written = 0;
    for (const record of records) {
      try {
        await insertCallLogs(db, [record]);
        written += 1;
      } catch (recordError) {
        // Retried whole; the records written so far are skipped as duplicates (ON CONFLICT DO NOTHING).
        if (isTransient(recordError)) throw recordError;
        letters.push({
          tenantId: record.tenantId,
          recordId: record.id,
          reason: reasonOf(recordError),
          payload: payloadOf(record),
        });
      }
    }
  }
  if (letters.length > 0) {
    await insertCallLogDeadLetters(db, letters);
    logger.error(
      { deadLettered: letters.length, reasons: letters.map((letter) => letter.reason) },
      "call-log records dead-lettered",
    );
  }
  await touchLastUse(db, records);
  return { written, deadLettered: letters.length };
}

async function touchLastUse(db: Db, records: CallLogRecord[]): Promise<void> {
  if (records.length === 0) return;
  const lastUse = new Map<string, number>();
  for (const record of records) {
    lastUse.set(record.grantId, Math.max(lastUse.get(record.grantId) ?? 0, record.createdAt.getTime()));
  }
  await touchGrantsLastUsed(db, [...lastUse.keys()], new Date(Math.max(...lastUse.values())));
}

// SQLSTATEs of failures that pass on their own: deadlock, serialisation, lock timeout, too many connections.
const TRANSIENT_STATES = ["40P01", "40001", "55P03", "53300"];

/** Whether Postgres refused the statement for a passing reason rather than for what it contained. */
export function isTransient(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return TRANSIENT_STATES.some(
    (state) => message.includes(`Code: \`${state}\``) || message.includes(`code: '${state}'`),
  );
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2_000);
}

// JSON text escapes NUL and lone surrogates, so the payload itself is always storable.
function payloadOf(record: CallLogRecord): string {
  try {
    return JSON.stringify(record);
  } catch (error) {
    return JSON.stringify({ id: record.id, unserialisable: reasonOf(error) });
  }
}
