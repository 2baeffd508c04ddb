import type { CallLogRecord } from "@toolgate/db";
import { z } from "zod";

/** Queue shared by the gateway (producer) and the log worker. */
export const CALL_LOG_QUEUE = "call-logs";

/**
 * How a batch is retried while Postgres is away: doubling from 500 ms, capped at 30 s, for ~2.5 hours.
 * A batch that still fails stays in the queue's failed set (counted on /healthz), never dropped.
 */
export const CALL_LOG_RETRY = { attempts: 300, firstDelayMs: 500, maxDelayMs: 30_000 };

/** BullMQ's custom backoff for call-log batches. */
export function callLogBackoff(attemptsMade: number): number {
  return Math.min(
    CALL_LOG_RETRY.firstDelayMs * 2 ** Math.max(attemptsMade - 1, 0),
    CALL_LOG_RETRY.maxDelayMs,
  );
}

// Records cross Redis as JSON, so dates travel as strings and are revived here.
const recordSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  serverId: z.string(),
  grantId: z.string(),
  grantLabel: z.string(),
  sessionId: z.string().nullable(),
  method: z.string(),
  tool: z.string().nullable(),
  decision: z.enum(["allow", "deny", "rate_limited", "approval_pending", "approved", "error"]),
  rule: z.string().nullable(),
  message: z.string().nullable(),
  policyVersion: z.number().int().nullable(),
  upstreamStatus: z.number().int().nullable(),
  latencyMs: z.number(),
  // absent in jobs queued by a gateway from before the field existed
  held: z.boolean().default(false),
  argumentKeys: z.array(z.string()),
  arguments: z.unknown().nullable(),
  createdAt: z.coerce.date(),
});

const jobSchema = z.object({ records: z.array(z.unknown()) });

export type CallLogJob = { records: CallLogRecord[] };

/** A queued item that is not a call-log record: dead-lettered with the reason, not thrown away. */
export type InvalidCallLogItem = { tenantId: string; recordId: string; reason: string; payload: string };

/** The records of one queued batch, each validated on its own so one bad item spoils nothing else. */
export function parseCallLogJob(data: unknown): { records: CallLogRecord[]; invalid: InvalidCallLogItem[] } {
  const records: CallLogRecord[] = [];
  const invalid: InvalidCallLogItem[] = [];
  for (const item of jobSchema.parse(data).records) {
    const parsed = recordSchema.safeParse(item);
    if (parsed.success) {
      records.push({ ...parsed.data, arguments: parsed.data.arguments ?? null });
      continue;
    }
    const fields = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    invalid.push({
      tenantId: typeof fields.tenantId === "string" ? fields.tenantId : "(unknown)",
      recordId: typeof fields.id === "string" ? fields.id : "(unknown)",
      reason: `invalid call-log record: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
      payload: JSON.stringify(item) ?? "null",
    });
  }
  return { records, invalid };
}
