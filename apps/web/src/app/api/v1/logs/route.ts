import { ApiError } from "@/server/api/api-error";
import { apiHandler } from "@/server/api/api-handler";
import { listLogsRoute } from "@/server/api/routes/log-routes";
import { listLogRecords } from "@/server/logs/list-log-records";
import { decodeLogCursor } from "@/server/logs/log-cursor";

export const GET = apiHandler(listLogsRoute, async ({ deps, ctx, query }) => {
  const { limit, ...filters } = query;
  // The dashboard ignores a bad cursor; an API client gets told.
  if (filters.cursor !== undefined && decodeLogCursor(filters.cursor) === null) {
    throw new ApiError("invalid_input", 400, "The cursor is not valid.", {
      issues: [{ path: "/cursor", message: "Pass back a nextCursor exactly as received." }],
    });
  }
  const page = await listLogRecords(deps.db, ctx, filters, limit);
  return { logs: page.rows, nextCursor: page.nextCursor };
});
