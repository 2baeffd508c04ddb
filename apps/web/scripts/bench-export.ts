// Measures the call-log export (GET /api/v1/logs/export's service) on the seeded organisation: rows
// streamed, throughput, and the process's peak heap and RSS while exporting 100 k and then 1 M rows —
// memory must not grow with the row count. Seed first with scripts/seed-logs.ts (≥ 1 M rows).
// Usage: tsx scripts/bench-export.ts [--format ndjson|csv]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@toolgate/db";
import { z } from "zod";
import type { SessionContext } from "../src/server/context";
import { exportLogs } from "../src/server/logs/export-logs";

const detailsSchema = z.object({
  databaseUrl: z.string(),
  tenantId: z.string(),
  userId: z.string(),
  rows: z.number(),
});
const { values } = parseArgs({ options: { format: { type: "string", default: "ndjson" } } });
const format = z.enum(["ndjson", "csv"]).parse(values.format);
const file =
  process.env.LOGS_BENCH_OUTPUT ?? resolve(import.meta.dirname, "../../../.toolgate/logs-bench.json");
const details = detailsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const db = createDb(details.databaseUrl);
const ctx: SessionContext = { userId: details.userId, tenantId: details.tenantId, role: "viewer" };

// The seed spaces rows 250 ms apart ending at seed time: the newest N rows span N × 250 ms.
const newest = await db.callLog.findFirstOrThrow({
  where: { tenantId: details.tenantId },
  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  select: { createdAt: true },
});
const to = new Date(newest.createdAt.getTime() + 1);

async function run(rows: number) {
  global.gc?.();
  const from = new Date(to.getTime() - rows * 250);
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const { body } = await exportLogs(db, ctx, { format, from, to }, to);
  let bytes = 0;
  let lines = 0;
  // Consumed like a client reading the HTTP response: chunk by chunk, nothing kept.
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
    sample();
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { rows: format === "csv" ? lines - 1 : lines, bytes, seconds, peakHeap, peakRss };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const before = process.memoryUsage();
const results = [await run(100_000), await run(1_000_000)];
console.log(`\nCall-log export (${format}), organisation with ${details.rows.toLocaleString("en")} rows\n`);
console.log(`Process before: heap ${mb(before.heapUsed)} MB, RSS ${mb(before.rss)} MB\n`);
console.log("| rows exported | output MB | seconds | rows/s | peak heap MB | peak RSS MB |");
console.log("|---|---|---|---|---|---|");
for (const result of results) {
  console.log(
    `| ${result.rows.toLocaleString("en")} | ${mb(result.bytes)} | ${result.seconds.toFixed(1)} | ${Math.round(result.rows / result.seconds).toLocaleString("en")} | ${mb(result.peakHeap)} | ${mb(result.peakRss)} |`,
  );
}
await db.$disconnect();
