import { type Db, getTenant, listCallLogs } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { type LogQuery, logFilter } from "./list-logs";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";
import { toLogRecord } from "./log-record";

/** One page of complete call records (the API's and CLI's view), newest first, with the next cursor. */
export async function listLogRecords(
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
  const [{ rows, nextCursor }, tenant] = await Promise.all([
    listCallLogs(
      db,
      ctx.tenantId,
      filter,
      cursor === null ? { limit: pageSize } : { limit: pageSize, cursor },
    ),
    getTenant(db, ctx.tenantId),
  ]);
  const withValues = tenant?.logArgumentValues ?? false;
  return {
    rows: rows.map((row) => toLogRecord(row, withValues)),
    nextCursor: nextCursor === null ? null : encodeLogCursor(nextCursor),
  };
}
