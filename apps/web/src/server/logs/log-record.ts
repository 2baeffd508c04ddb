import type { CallLog } from "@toolgate/db";

/**
 * A call record with every field the dashboard has, for the API, the CLI and exports. Argument
 * values appear only while the tenant opts in to storing them (`withValues`); otherwise null.
 */
export function toLogRecord(row: CallLog, withValues: boolean) {
  return {
    id: row.id,
    requestId: row.id,
    createdAt: row.createdAt,
    serverId: row.serverId,
    grantId: row.grantId,
    grantLabel: row.grantLabel,
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
    arguments: withValues ? (row.arguments ?? null) : null,
  };
}

export type LogRecord = ReturnType<typeof toLogRecord>;

/** CSV columns of an export, in order. */
export const CSV_COLUMNS = [
  "requestId",
  "createdAt",
  "serverId",
  "grantId",
  "grantLabel",
  "sessionId",
  "method",
  "tool",
  "decision",
  "rule",
  "message",
  "policyVersion",
  "upstreamStatus",
  "held",
  "latencyMs",
  "argumentKeys",
  "arguments",
] as const;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.join(" ")
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  // RFC 4180 quoting; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line (with its newline) for a record. */
export function csvLine(record: LogRecord): string {
  return `${CSV_COLUMNS.map((column) => csvCell(record[column])).join(",")}\r\n`;
}
