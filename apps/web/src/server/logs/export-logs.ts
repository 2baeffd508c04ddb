import { type Db, getTenant, streamCallLogs } from "@toolgate/db";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { logDecisions } from "./list-logs";
import { CSV_COLUMNS, csvLine, toLogRecord } from "./log-record";

const MAX_RANGE_MS = 366 * 86_400_000;

export const exportLogsQuerySchema = z
  .object({
    format: z.enum(["ndjson", "csv"]).default("ndjson"),
    from: z.coerce.date(),
    to: z.coerce.date().optional(),
    server: z.string().max(100).optional(),
    grant: z.string().max(100).optional(),
    decision: z.enum(logDecisions).optional(),
    tool: z.string().trim().max(200).optional(),
    rule: z.string().trim().max(500).optional(),
  })
  .meta({ description: "An export covers [from, to); `to` defaults to now." });

export type ExportLogsQuery = z.infer<typeof exportLogsQuerySchema>;

/** A streamed export: body, content type and a file name. */
export type LogExport = { body: ReadableStream<Uint8Array>; contentType: string; filename: string };

/**
 * Streams the tenant's call records in a time range as NDJSON or CSV, oldest first. Rows are read in
 * keyset batches only when the client is ready for more, so memory stays constant for any range.
 */
export async function exportLogs(
  db: Db,
  ctx: SessionContext,
  query: ExportLogsQuery,
  now = new Date(),
): Promise<LogExport> {
  assertCan(ctx, "read");
  const to = query.to ?? now;
  if (to.getTime() <= query.from.getTime()) throw new AppError("invalid_input", "`to` must be after `from`.");
  if (to.getTime() - query.from.getTime() > MAX_RANGE_MS) {
    throw new AppError("invalid_input", "Export at most 366 days at a time.");
  }
  const tenant = await getTenant(db, ctx.tenantId);
  const withValues = tenant?.logArgumentValues ?? false;
  const batches = streamCallLogs(db, ctx.tenantId, {
    from: query.from,
    to,
    ...(query.server === undefined ? {} : { serverId: query.server }),
    ...(query.grant === undefined ? {} : { grantId: query.grant }),
    ...(query.decision === undefined ? {} : { decision: query.decision }),
    ...(query.tool === undefined ? {} : { tool: query.tool }),
    ...(query.rule === undefined ? {} : { rule: query.rule }),
  });
  const encoder = new TextEncoder();
  const csv = query.format === "csv";
  let started = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = "";
        if (!started && csv) text += `${CSV_COLUMNS.join(",")}\r\n`;
        started = true;
        const next = await batches.next();
        if (next.done === true) {
          if (text !== "") controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        for (const row of next.value) {
          const record = toLogRecord(row, withValues);
          text += csv ? csvLine(record) : `${JSON.stringify(record)}\n`;
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  const stamp = `${query.from.toISOString()}_${to.toISOString()}`.replaceAll(":", "-");
  return {
    body,
    contentType: csv ? "text/csv; charset=utf-8" : "application/x-ndjson",
    filename: `toolgate-logs_${stamp}.${csv ? "csv" : "ndjson"}`,
  };
}
