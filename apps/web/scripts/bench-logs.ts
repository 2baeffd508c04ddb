// Measures the logs page's server time at scale: listLogs (the listCallLogs query) + rendering the
// first page's rows to HTML, under each single filter, and prints EXPLAIN (ANALYZE) for each query.
// Seed first with scripts/seed-logs.ts. Usage: tsx scripts/bench-logs.ts [--iterations 40] [--explain]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@toolgate/db";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { z } from "zod";
import { LogRow } from "../src/components/log-row";
import type { SessionContext } from "../src/server/context";
import { type LogQuery, listLogs, logQuerySchema } from "../src/server/logs/list-logs";

const detailsSchema = z.object({
  databaseUrl: z.string(),
  tenantId: z.string(),
  userId: z.string(),
  serverIds: z.array(z.string()).min(1),
  grantIds: z.array(z.string()).min(1),
  rows: z.number(),
});

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "40" }, explain: { type: "boolean", default: false } },
});
const iterations = z.coerce.number().int().min(5).parse(values.iterations);
const file =
  process.env.LOGS_BENCH_OUTPUT ?? resolve(import.meta.dirname, "../../../.toolgate/logs-bench.json");
const details = detailsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const db = createDb(details.databaseUrl);
const ctx: SessionContext = { userId: details.userId, tenantId: details.tenantId, role: "viewer" };
const [serverId] = details.serverIds;
const [grantId] = details.grantIds;
const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();

// name, page query, and the WHERE clause the repository sends for it (for EXPLAIN)
const cases: [string, Record<string, string>, string][] = [
  ["no filter", {}, ""],
  ["server", { server: serverId ?? "" }, `AND "serverId" = '${serverId}'`],
  ["grant", { grant: grantId ?? "" }, `AND "grantId" = '${grantId}'`],
  ["tool = DeleteVm", { tool: "DeleteVm" }, `AND tool = 'DeleteVm'`],
  ["decision = deny", { decision: "deny" }, `AND decision = 'deny'`],
  ["decision = error (0.4%)", { decision: "error" }, `AND decision = 'error'`],
  ["rule = (default deny)", { rule: "(default deny)" }, `AND rule = '(default deny)'`],
  ["rule = no match", { rule: "/tools/Nope" }, `AND rule = '/tools/Nope'`],
  ["from: last 24 h", { from: dayAgo }, `AND "createdAt" >= '${dayAgo}'`],
  [
    "range: 7 d ago → 1 d ago",
    { from: weekAgo, to: dayAgo },
    `AND "createdAt" >= '${weekAgo}' AND "createdAt" < '${dayAgo}'`,
  ],
];

async function pageServerTime(query: LogQuery): Promise<number> {
  const started = performance.now();
  const page = await listLogs(db, ctx, query);
  const html = renderToStaticMarkup(
    createElement(
      "table",
      null,
      createElement(
        "tbody",
        null,
        page.rows.map((row) =>
          createElement(LogRow, {
            key: row.id,
            row,
            serverName: "server",
            detailHref: `/logs?entry=${row.id}`,
          }),
        ),
      ),
    ),
  );
  if (html.length === 0) throw new Error("rendered nothing");
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

try {
  const count = await db.callLog.count({ where: { tenantId: details.tenantId } });
  console.log(
    `Logs page server time (listLogs + render of the first 50 rows), ${count.toLocaleString("en")} rows in the tenant, ${iterations} runs each after 5 warm-up runs\n`,
  );
  console.log("| filter | rows on page | p50 ms | p95 ms | max ms |");
  console.log("|---|---|---|---|---|");
  for (const [name, params] of cases) {
    const query = logQuerySchema.parse(params);
    for (let i = 0; i < 5; i += 1) await pageServerTime(query);
    const times: number[] = [];
    for (let i = 0; i < iterations; i += 1) times.push(await pageServerTime(query));
    times.sort((a, b) => a - b);
    const rows = (await listLogs(db, ctx, query)).rows.length;
    console.log(
      `| ${name} | ${rows} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(times.at(-1) ?? 0).toFixed(1)} |`,
    );
  }
  if (values.explain) {
    for (const [name, , where] of cases) {
      const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM "CallLog" WHERE "tenantId" = '${details.tenantId}' ${where} ORDER BY "createdAt" DESC, id DESC LIMIT 51`,
      );
      console.log(`\n### ${name}\n${plan.map((line) => line["QUERY PLAN"]).join("\n")}`);
    }
  }
} finally {
  await db.$disconnect();
}
