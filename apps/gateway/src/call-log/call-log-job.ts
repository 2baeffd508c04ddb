import type { CallLogRecord } from "@toolgate/db";
import { z } from "zod";

/** Queue shared by the gateway (producer) and the log worker. */
export const CALL_LOG_QUEUE = "call-logs";

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

const jobSchema = z.object({ records: z.array(recordSchema) });

export type CallLogJob = { records: CallLogRecord[] };

/** The records of one queued batch, validated. */
export function parseCallLogJob(data: unknown): CallLogRecord[] {
  return jobSchema.parse(data).records.map((record) => ({ ...record, arguments: record.arguments ?? null }));
}
