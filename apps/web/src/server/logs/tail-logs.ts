import { type Db, listCallLogsAfter } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { ALL_METHODS, type LogQuery, toLogRowView } from "./list-logs";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";

const TAIL_BATCH = 100;

/**
 * Calls newer than the newest one the page shows (`after`), oldest first, and the position to
 * poll from next. Time-range filters do not apply: the tail is about what arrives now.
 */
export async function tailLogs(db: Db, ctx: SessionContext, query: LogQuery, after: string) {
  assertCan(ctx, "read");
  const position = decodeLogCursor(after);
  if (position === null) return { rows: [], after };
  const filter = Object.fromEntries(
    Object.entries({
      method: query.method === ALL_METHODS ? undefined : query.method,
      serverId: query.server,
      grantId: query.grant,
      decision: query.decision,
      tool: query.tool,
      rule: query.rule,
    }).filter(([, value]) => value !== undefined),
  );
  const rows = await listCallLogsAfter(db, ctx.tenantId, filter, position, TAIL_BATCH);
  const last = rows.at(-1);
  return {
    rows: rows.map(toLogRowView),
    after: last === undefined ? after : encodeLogCursor({ createdAt: last.createdAt, id: last.id }),
  };
}
