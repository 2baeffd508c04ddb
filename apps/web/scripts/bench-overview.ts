// Measures the overview's server time at scale: getOverview (hourly rollups) for 24 h, 7 d and 30 d,
// beside the same aggregation over the raw rows (the previous implementation), in alternating rounds.
// Seed first with scripts/seed-logs.ts. Usage: tsx scripts/bench-overview.ts [--iterations 40] [--raw 3]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { callLogStats, createDb } from "@toolgate/db";
import { z } from "zod";
import type { SessionContext } from "../src/server/context";
import { getOverview } from "../src/server/overview/get-overview";

const detailsSchema = z.object({
  databaseUrl: z.string(),
  tenantId: z.string(),
  userId: z.string(),
  rows: z.number(),
});
const { values } = parseArgs({
  options: { iterations: { type: "string", default: "40" }, raw: { type: "string", default: "3" } },
});
const iterations = z.coerce.number().int().min(5).parse(values.iterations);
const rawIterations = z.coerce.number().int().min(0).parse(values.raw);
const file =
  process.env.LOGS_BENCH_OUTPUT ?? resolve(import.meta.dirname, "../../../.toolgate/logs-bench.json");
const details = detailsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const db = createDb(details.databaseUrl);
const ctx: SessionContext = { userId: details.userId, tenantId: details.tenantId, role: "viewer" };

const ranges = [
  ["24h", 86_400, 3_600],
  ["7d", 7 * 86_400, 6 * 3_600],
  ["30d", 30 * 86_400, 86_400],
] as const;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

// The same aggregation over raw rows: a range that is 1 ms off the hour takes the raw-row path.
function rawStats(seconds: number, bucketSeconds: number) {
  const bucketMs = bucketSeconds * 1000;
  const to = new Date(Math.ceil(Date.now() / bucketMs) * bucketMs + 1);
  return callLogStats(db, details.tenantId, {
    from: new Date(to.getTime() - seconds * 1000),
    to,
    bucketSeconds,
  });
}

const samples = new Map<string, number[]>(ranges.map(([name]) => [name, []]));
const raw = new Map<string, number[]>(ranges.map(([name]) => [name, []]));
for (const [name] of ranges) await getOverview(db, ctx, { range: name }); // warm-up
for (let round = 0; round < iterations; round += 1) {
  for (const [name, seconds, bucketSeconds] of ranges) {
    samples.get(name)?.push(await timed(() => getOverview(db, ctx, { range: name })));
    if (round < rawIterations) raw.get(name)?.push(await timed(() => rawStats(seconds, bucketSeconds)));
  }
}
const overview = await getOverview(db, ctx, { range: "30d" });
console.log(
  `\nOverview server time, ${details.rows.toLocaleString("en")} call records in one organisation (30 d shows ${overview.totals.calls.toLocaleString("en")} calls)\n`,
);
console.log("| range | rollups p50 ms | rollups p95 ms | raw rows p50 ms | raw / rollups |");
console.log("|---|---|---|---|---|");
for (const [name] of ranges) {
  const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
  const rawSorted = [...(raw.get(name) ?? [])].sort((a, b) => a - b);
  const p50 = quantile(sorted, 0.5);
  const rawP50 = quantile(rawSorted, 0.5);
  console.log(
    `| ${name} | ${p50.toFixed(1)} | ${quantile(sorted, 0.95).toFixed(1)} | ${rawSorted.length === 0 ? "—" : rawP50.toFixed(0)} | ${rawSorted.length === 0 ? "—" : `${(rawP50 / p50).toFixed(0)}×`} |`,
  );
}
console.log(`\n${iterations} rounds (rollups), ${rawIterations} (raw rows), alternating ranges.`);
await db.$disconnect();
