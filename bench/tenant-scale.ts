// 1 → 10,000 tenants through one gateway process: each tenant has its own server (all in front of one
// raw echo upstream), grant and published policy, seeded in bulk straight into Postgres. `echo` calls
// are spread round-robin across the first N tenants (warm: after one call to each), in alternating
// rounds; "cold" rows are first calls of tenants the gateway has never seen (server, grant, policy and
// pins loaded from Postgres). Also a direct row (the same load generator straight to the upstream).
// Prints a markdown table: calls/s, p50/p99, gateway CPU per call, gateway RSS, drift vs 1 tenant.
// Needs Postgres and Redis (DATABASE_URL, REDIS_URL). Run from the repo root:
//   node --import tsx bench/tenant-scale.ts
//   (BENCH_SECONDS=8 BENCH_ROUNDS=3 BENCH_WARMUP_SECONDS=4 BENCH_CONCURRENCY=16 BENCH_TENANTS=1,100,1000,10000
//    BENCH_COLD_TENANTS=1000, BENCH_GATEWAY_ENV="TOOLGATE_CACHE_MAX_ENTRIES=5000" for an A/B arm,
//    BENCH_COMPILED=1 for the compiled gateway)
import { randomBytes } from "node:crypto";
import {
  cpuSeconds,
  databaseUrl,
  loadAverage,
  markdownTable,
  median,
  rssBytes,
  runToEnd,
  spread,
  startGateway,
  startRawEchoProcess,
  stopAll,
} from "./support/bench-processes";
import { RawMcpCaller } from "./support/raw-mcp-caller";

const measureSeconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 4);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const tenantCounts = (process.env.BENCH_TENANTS ?? "1,100,1000,10000").split(",").map(Number);
const coldPerRound = Number(process.env.BENCH_COLD_TENANTS ?? 1000);
const gatewayEnv = Object.fromEntries(
  (process.env.BENCH_GATEWAY_ENV ?? "")
    .split(" ")
    .filter((pair) => pair.includes("="))
    .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
);

type Tenant = { path: string; token: string };
type Sample = {
  calls: number;
  seconds: number;
  p50: number;
  p99: number;
  gatewayCpuUs: number;
  rssMb: number;
};
type Arm = { name: string; run: () => Promise<Sample> };

async function main(): Promise<void> {
  const upstream = await startRawEchoProcess();
  const prefix = `scale-${randomBytes(4).toString("hex")}`;
  const warmCount = Math.max(...tenantCounts);
  const seedStarted = performance.now();
  const { tenants } = JSON.parse(
    await runToEnd(
      [
        "--import",
        "tsx",
        "apps/gateway/scripts/seed-scale.ts",
        "tenants",
        upstream.url,
        String(warmCount + rounds * coldPerRound),
        prefix,
      ],
      { DATABASE_URL: databaseUrl() },
    ),
  ) as { tenants: Tenant[] };
  console.error(
    `  seeded ${tenants.length} tenants in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  try {
    const gateway = await startGateway(gatewayEnv);
    const caller = new RawMcpCaller(gateway.base, concurrency);
    const direct = new RawMcpCaller(new URL(upstream.url).origin, concurrency);
    const measure = async (
      run: (path: string, token: string) => Promise<void>,
      pick: (i: number) => Tenant,
      total: number | undefined,
    ): Promise<Sample> => {
      const latencies: number[] = [];
      const cpuBefore = cpuSeconds(gateway.pid);
      const started = performance.now();
      const deadline = started + measureSeconds * 1000;
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (total === undefined ? performance.now() < deadline : next < total) {
            const tenant = pick(next++);
            const at = performance.now();
            await run(tenant.path, tenant.token);
            latencies.push(performance.now() - at);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        calls: latencies.length,
        seconds,
        p50: latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN,
        p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? Number.NaN,
        gatewayCpuUs: ((cpuSeconds(gateway.pid) - cpuBefore) / latencies.length) * 1e6,
        rssMb: rssBytes(gateway.pid) / 2 ** 20,
      };
    };
    const viaGateway = (path: string, token: string) => caller.echo(path, token);
    const arms: Arm[] = [
      {
        name: "direct (no gateway)",
        run: () =>
          measure(
            (_path, _token) => direct.echo("/mcp", ""),
            () => ({ path: "", token: "" }),
            undefined,
          ),
      },
      ...tenantCounts.map((count) => ({
        name: `${count.toLocaleString("en")} tenant${count === 1 ? "" : "s"} (warm)`,
        run: async () => {
          const spreadOver = tenants.slice(0, count);
          // Warm: one call to each tenant first, then calls spread evenly (starting at a random tenant).
          await measure(viaGateway, (i) => spreadOver[i] as Tenant, count);
          const offset = Math.floor(Math.random() * count);
          return measure(viaGateway, (i) => spreadOver[(offset + i) % count] as Tenant, undefined);
        },
      })),
    ];
    // JIT and pools warm before anything is measured: a few seconds over the first 100 tenants.
    const warmup = tenants.slice(0, Math.min(100, warmCount));
    const warmupDeadline = performance.now() + warmupSeconds * 1000;
    while (performance.now() < warmupDeadline) {
      await measure(viaGateway, (i) => warmup[i % warmup.length] as Tenant, warmup.length * 4);
      await measure(
        (_path, _token) => direct.echo("/mcp", ""),
        () => ({ path: "", token: "" }),
        400,
      );
    }
    const results = new Map<string, Sample[]>();
    const coldName = `cold: first call of a tenant (${coldPerRound.toLocaleString("en")} new tenants)`;
    for (let round = 0; round < rounds; round++) {
      // Alternating order: each round starts at a different arm.
      const order = arms.map((_, i) => arms[(i + round) % arms.length] as Arm);
      for (const arm of order) {
        const sample = await arm.run();
        results.set(arm.name, [...(results.get(arm.name) ?? []), sample]);
        console.error(
          `  round ${round + 1}: ${arm.name}: ${(sample.calls / sample.seconds).toFixed(0)} calls/s`,
        );
      }
      const fresh = tenants.slice(warmCount + round * coldPerRound, warmCount + (round + 1) * coldPerRound);
      const cold = await measure(viaGateway, (i) => fresh[i] as Tenant, fresh.length);
      results.set(coldName, [...(results.get(coldName) ?? []), cold]);
    }
    caller.close();
    direct.close();
    printTable(results, tenantCounts[0] === undefined ? "" : (arms[1]?.name ?? ""));
  } finally {
    await stopAll();
    await runToEnd(["--import", "tsx", "apps/gateway/scripts/seed-scale.ts", "cleanup", prefix], {
      DATABASE_URL: databaseUrl(),
    });
  }
}

function printTable(results: Map<string, Sample[]>, baselineName: string): void {
  const baseline = results.get(baselineName) ?? [];
  const baseRate = median(baseline.map((s) => s.calls / s.seconds));
  const baseP99 = median(baseline.map((s) => s.p99));
  const rows = [
    [
      "tenants",
      "calls/s",
      "p50 ms",
      "p99 ms",
      "calls/s vs 1 tenant",
      "p99 drift vs 1 tenant",
      "gateway CPU/call µs",
      "gateway RSS MB",
    ],
  ];
  for (const [name, samples] of results) {
    const rate = median(samples.map((s) => s.calls / s.seconds));
    const p99 = median(samples.map((s) => s.p99));
    const viaGateway = !name.startsWith("direct");
    rows.push([
      name,
      spread(
        samples.map((s) => s.calls / s.seconds),
        0,
      ),
      spread(
        samples.map((s) => s.p50),
        2,
      ),
      spread(
        samples.map((s) => s.p99),
        2,
      ),
      viaGateway ? `${(rate / baseRate).toFixed(3)}x` : "-",
      viaGateway ? `${((p99 / baseP99 - 1) * 100).toFixed(1)}%` : "-",
      viaGateway
        ? spread(
            samples.map((s) => s.gatewayCpuUs),
            0,
          )
        : "-",
      spread(
        samples.map((s) => s.rssMb),
        0,
      ),
    ]);
  }
  console.log(
    `\n${rounds} alternating rounds, ${measureSeconds} s each, ${concurrency} concurrent callers, echo on the raw echo upstream; median (min–max); load average at the end ${loadAverage()}\n`,
  );
  if (Object.keys(gatewayEnv).length > 0) console.log(`gateway env: ${JSON.stringify(gatewayEnv)}\n`);
  console.log(markdownTable(rows));
}

await main();
