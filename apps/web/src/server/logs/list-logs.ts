import { type CallLog, type Db, listCallLogs } from "@toolgate/db";
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
const optionalText = (max: number) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max).optional()).catch(undefined);
// <input type="datetime-local"> sends "2026-11-25T10:00" (read as UTC, as the page shows UTC) or an ISO time.
const optionalTime = z
  .preprocess(
    (value) =>
      typeof value === "string" && /T\d\d:\d\d(:\d\d)?$/.test(value) ? `${value}Z` : emptyToUndefined(value),
    z.coerce.date().optional(),
  )
  .catch(undefined);

/** The logs page's method filter: tool calls unless asked otherwise; `all` includes protocol traffic. */
export const ALL_METHODS = "all";
export const TOOL_CALLS = "tools/call";

/** Methods offered in the logs page's method filter. */
export const logMethods = [
  TOOL_CALLS,
  ALL_METHODS,
  "tools/list",
  "initialize",
  "notifications/initialized",
  "resources/read",
  "prompts/get",
  "GET",
  "DELETE",
] as const;

/** Search params of the logs page; unknown or blank values are ignored rather than failing the page. */
export const logQuerySchema = z.object({
  server: optionalText(100),
  grant: optionalText(100).optional(),
  decision: z.preprocess(emptyToUndefined, z.enum(logDecisions).optional()).catch(undefined),
  tool: optionalText(200),
  method: z
    .preprocess(emptyToUndefined, z.string().trim().max(100).optional())
    .catch(undefined)
    .transform((method) => method ?? TOOL_CALLS),
  rule: optionalText(500).optional(),
  from: optionalTime.optional(),
  to: optionalTime.optional(),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()).catch(undefined),
});

export type LogQuery = z.infer<typeof logQuerySchema>;

/** The fields a log row shows in the table, the live tail and the detail drawer. */
export type LogRowView = ReturnType<typeof toLogRowView>;

/** A call record as rendered: argument keys only (values stay out unless the tenant opted in, and even then are not listed). */
export function toLogRowView(row: CallLog) {
  return {
    id: row.id,
    createdAt: row.createdAt,
    grantId: row.grantId,
    grantLabel: row.grantLabel,
    serverId: row.serverId,
    sessionId: row.sessionId,
    method: row.method,
    tool: row.tool,
    decision: row.decision,
    rule: row.rule,
    message: row.message,
    policyVersion: row.policyVersion,
    upstreamStatus: row.upstreamStatus,
    latencyMs: row.latencyMs,
    held: row.held,
    argumentKeys: row.argumentKeys,
  };
}

/** The repository filter for a page query (the API's query has no method default: all traffic). */
export function logFilter(query: Omit<LogQuery, "method"> & { method?: string | undefined }) {
  return {
    method: query.method === ALL_METHODS ? undefined : query.method,
    serverId: query.server,
    grantId: query.grant,
    decision: query.decision,
    tool: query.tool,
    rule: query.rule,
    from: query.from,
    to: query.to,
  };
}

/** One page of the tenant's call logs, newest first, with the cursor of the next (older) page. */
export async function listLogs(
  db: Db,
  ctx: SessionContext,
  query: Omit<LogQuery, "method"> & { method?: string | undefined },
  pageSize = 50,
) {
  assertCan(ctx, "read");
  const cursor = query.cursor === undefined ? null : decodeLogCursor(query.cursor);
  const filter = Object.fromEntries(
    Object.entries(logFilter(query)).filter(([, value]) => value !== undefined),
  );
  const { rows, nextCursor } = await listCallLogs(
    db,
    ctx.tenantId,
    filter,
    cursor === null ? { limit: pageSize } : { limit: pageSize, cursor },
  );
  return {
    rows: rows.map(toLogRowView),
    nextCursor: nextCursor === null ? null : encodeLogCursor(nextCursor),
  };
}
