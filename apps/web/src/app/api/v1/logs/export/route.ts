import { newId } from "@toolgate/db";
import { ApiError } from "@/server/api/api-error";
import { authenticateRequest } from "@/server/api/authenticate-request";
import { errorResponse } from "@/server/api/error-response";
import { exportLogsRoute } from "@/server/api/routes/log-routes";
import { toApiIssues } from "@/server/api/zod-issue-paths";
import { getDeps } from "@/server/deps";
import { exportLogs } from "@/server/logs/export-logs";

/** Streams an export; not through apiHandler, whose responses are JSON documents. */
export async function GET(request: Request): Promise<Response> {
  const requestId = newId("req");
  try {
    const { db } = getDeps();
    const ctx = await authenticateRequest(db, request);
    const parsed = exportLogsRoute.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      throw new ApiError("invalid_input", 400, "The query is not valid.", {
        issues: toApiIssues(parsed.error),
      });
    }
    const { body, contentType, filename } = await exportLogs(db, ctx, parsed.data);
    return new Response(body, {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-request-id": requestId,
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
