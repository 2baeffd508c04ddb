import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { usageError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { formatTime } from "../output";
import { resolveServerId } from "../resolve-server";

// Loose: --json prints every field the API returns (request id, grant id, session, argument keys…).
const logSchema = z.looseObject({
  id: z.string(),
  createdAt: z.string(),
  grantLabel: z.string(),
  method: z.string(),
  tool: z.string().nullable(),
  decision: z.string(),
  rule: z.string().nullable(),
  latencyMs: z.number(),
});
type LogRow = z.infer<typeof logSchema>;
const pageSchema = z.object({ logs: z.array(logSchema), nextCursor: z.string().nullable() });

function formatLog(row: LogRow): string {
  const what = row.tool === null ? row.method : `${row.method} ${row.tool}`;
  return `${formatTime(row.createdAt)}  ${row.decision.padEnd(16)} ${row.grantLabel.padEnd(16)} ${what}  ${row.rule ?? ""}  ${row.latencyMs.toFixed(1)}ms`.trimEnd();
}

function positiveInt(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw usageError(`--${name} takes a positive whole number.`);
  return value;
}

/**
 * `toolgate logs tail [--server S] [--decision D] [--tool T] [--limit N] [--follow]`: the
 * latest calls, oldest first; with --follow, keeps polling and prints new calls as they come.
 */
export async function logsCommand(ctx: CommandContext): Promise<void> {
  if (ctx.positionals[0] === "export") return exportLogs(ctx);
  if (ctx.positionals[0] !== "tail")
    throw usageError("Usage: toolgate logs tail [--follow] | logs export --from TIME");
  const api = ctx.api();
  const limit = positiveInt(ctx.options.limit, 20, "limit");
  const intervalMs = positiveInt(ctx.options.interval, 2, "interval") * 1000;
  const query = new URLSearchParams({ limit: String(limit) });
  if (ctx.options.server !== undefined) query.set("server", await resolveServerId(api, ctx.options.server));
  if (ctx.options.decision !== undefined) query.set("decision", ctx.options.decision);
  if (ctx.options.tool !== undefined) query.set("tool", ctx.options.tool);
  const seen = new Set<string>();
  for (;;) {
    const page = pageSchema.parse(await api.request("GET", `/logs?${query}`));
    const fresh = page.logs.filter((row) => !seen.has(row.id)).reverse();
    for (const row of fresh) {
      seen.add(row.id);
      if (ctx.options.json) ctx.io.out(`${JSON.stringify(row)}\n`);
      else ctx.io.out(`${formatLog(row)}\n`);
    }
    if (!ctx.options.follow) return;
    await sleep(intervalMs);
  }
}

/**
 * `toolgate logs export --from TIME [--to TIME] [--format ndjson|csv]`: every call record in the range,
 * oldest first, streamed to stdout as it arrives (redirect it to a file).
 */
async function exportLogs(ctx: CommandContext): Promise<void> {
  const { from, to, format } = ctx.options;
  if (from === undefined)
    throw usageError("logs export needs --from (an ISO time such as 2026-11-01T00:00:00Z).");
  if (format !== undefined && format !== "ndjson" && format !== "csv") {
    throw usageError("--format is ndjson or csv.");
  }
  const api = ctx.api();
  const query = new URLSearchParams({ from, format: format ?? "ndjson" });
  if (to !== undefined) query.set("to", to);
  if (ctx.options.server !== undefined) query.set("server", await resolveServerId(api, ctx.options.server));
  if (ctx.options.decision !== undefined) query.set("decision", ctx.options.decision);
  if (ctx.options.tool !== undefined) query.set("tool", ctx.options.tool);
  await api.stream(`/logs/export?${query}`, (text) => ctx.io.out(text));
}
