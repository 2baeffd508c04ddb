import { type Db, listCallLogs } from "@toolgate/db";
import { z } from "zod";
import { assertCan, type SessionContext } from "../context";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";

export const logDecisions = [
  "allow",
  "deny",
  "rate_limited",
  "approval_pending",
  "approved",
  "error",
] as const;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Search params of the logs page; unknown or blank values are ignored rather than failing the page. */
export const logQuerySchema = z.object({
  server: z.preprocess(emptyToUndefined, z.string().max(100).optional()).catch(undefined),
  decision: z.preprocess(emptyToUndefined, z.enum(logDecisions).optional()).catch(undefined),
  tool: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()).catch(undefined),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()).catch(undefined),
});

export type LogQuery = z.infer<typeof logQuerySchema>;

/** One page of the tenant's call logs, newest first, with the cursor of the next (older) page. */
export async function listLogs(db: Db, ctx: SessionContext, query: LogQuery, pageSize = 50) {
  assertCan(ctx, "read");
  const cursor = query.cursor === undefined ? null : decodeLogCursor(query.cursor);
  const { rows, nextCursor } = await listCallLogs(
    db,
    ctx.tenantId,
    { serverId: query.server, decision: query.decision, tool: query.tool },
    cursor === null ? { limit: pageSize } : { limit: pageSize, cursor },
  );
  return {
    rows: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      grantLabel: row.grantLabel,
      serverId: row.serverId,
      method: row.method,
      tool: row.tool,
      decision: row.decision,
      rule: row.rule,
      message: row.message,
      policyVersion: row.policyVersion,
      upstreamStatus: row.upstreamStatus,
      latencyMs: row.latencyMs,
    })),
    nextCursor: nextCursor === null ? null : encodeLogCursor(nextCursor),
  };
}
