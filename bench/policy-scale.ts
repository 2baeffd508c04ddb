// Policies of 1 → 1,000 rules through one gateway process: one tenant with one server per rule count (all
// in front of one raw echo upstream), each server's published policy holding that many rules — exact
// names with conditions or limits and globs that do not match `echo`, then the `echo` rule (a deny_if
// condition) last. `echo` calls go to one server per arm; arms alternate over the rounds. Also a direct
// row (the same load generator straight to the upstream). Prints a markdown table: calls/s, p50/p99,
// added p50/p99 vs direct (same round), gateway CPU per call, and the 1,000-rule arm against 1 rule.
// Needs Postgres and Redis (DATABASE_URL, REDIS_URL). Run from the repo root:
//   node --import tsx bench/policy-scale.ts
//   (BENCH_SECONDS=8 BENCH_ROUNDS=3 BENCH_WARMUP_SECONDS=3 (per arm) BENCH_CONCURRENCY=16 BENCH_RULES=1,10,100,1000,
//    BENCH_COMPILED=1 for the compiled gateway)
import { randomBytes } from "node:crypto";
import {
  cpuSeconds,
  databaseUrl,
  loadAverage,
  markdownTable,
  median,
  percentile,
  runToEnd,
  spread,
  startGateway,
  startRawEchoProcess,
  stopAll,
} from "./support/bench-processes";
import { RawMcpCaller } from "./support/raw-mcp-caller";

const measureSeconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ruleCounts = (process.env.BENCH_RULES ?? "1,10,100,1000").split(",").map(Number);

type Sample = { calls: number; seconds: number; p50: number; p99: number; gatewayCpuUs: number };
type Arm = { name: string; rules: number | undefined; run: (seconds: number) => Promise<Sample> };

async function main(): Promise<void> {
  const upstream = await startRawEchoProcess();
  const prefix = `pscale-${randomBytes(4).toString("hex")}`;
  const seeded = JSON.parse(
    await runToEnd(
      [
        "--import",
        "tsx",
        "apps/gateway/scripts/seed-scale.ts",
        "policies",
        upstream.url,
        prefix,
        ruleCounts.join(","),
      ],
      { DATABASE_URL: databaseUrl() },
    ),
  ) as { token: string; paths: Record<string, string> };
  try {
    const gateway = await startGateway();
    const caller = new RawMcpCaller(gateway.base, concurrency);
    const direct = new RawMcpCaller(new URL(upstream.url).origin, concurrency);
    const measure = async (call: () => Promise<void>, seconds: number): Promise<Sample> => {
      const latencies: number[] = [];
      const cpuBefore = cpuSeconds(gateway.pid);
      const started = performance.now();
      const deadline = started + seconds * 1000;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < deadline) {
            const at = performance.now();
            await call();
            latencies.push(performance.now() - at);
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        calls: latencies.length,
        seconds: elapsed,
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        gatewayCpuUs: ((cpuSeconds(gateway.pid) - cpuBefore) / latencies.length) * 1e6,
      };
    };
    const arms: Arm[] = [
      {
        name: "direct (no gateway)",
        rules: undefined,
        run: (s) => measure(() => direct.echo("/mcp", ""), s),
      },
      ...ruleCounts.map((rules) => {
        const path = seeded.paths[String(rules)];
        if (path === undefined) throw new Error(`no server seeded for ${rules} rules`);
        return {
          name: `${rules.toLocaleString("en")} rule${rules === 1 ? "" : "s"}`,
          rules,
          run: (s: number) => measure(() => caller.echo(path, seeded.token), s),
        };
      }),
    ];
    // JIT, pools and the gateway's caches (server, grant, policy) warm before anything is measured.
    for (const arm of arms) await arm.run(warmupSeconds);
    const results = new Map<string, { sample: Sample; direct: Sample }[]>();
    for (let round = 0; round < rounds; round++) {
      // Each round starts at a different arm, and a direct run precedes the gateway arms it is compared with.
      const gatewayArms = arms.filter((arm) => arm.rules !== undefined);
      const order = gatewayArms.map((_, i) => gatewayArms[(i + round) % gatewayArms.length] as Arm);
      const directArm = arms[0] as Arm;
      const directSample = await directArm.run(measureSeconds);
      results.set(directArm.name, [
        ...(results.get(directArm.name) ?? []),
        { sample: directSample, direct: directSample },
      ]);
      for (const arm of order) {
        const sample = await arm.run(measureSeconds);
        results.set(arm.name, [...(results.get(arm.name) ?? []), { sample, direct: directSample }]);
        console.error(
          `  round ${round + 1}: ${arm.name}: ${(sample.calls / sample.seconds).toFixed(0)} calls/s, ${sample.gatewayCpuUs.toFixed(0)} µs CPU/call (load ${loadAverage()})`,
        );
      }
    }
    caller.close();
    direct.close();
    printTable(results, arms);
  } finally {
    await stopAll();
    await runToEnd(["--import", "tsx", "apps/gateway/scripts/seed-scale.ts", "cleanup", prefix], {
      DATABASE_URL: databaseUrl(),
    });
  }
}

function printTable(results: Map<string, { sample: Sample; direct: Sample }[]>, arms: Arm[]): void {
  const baseline = results.get(arms[1]?.name ?? "") ?? [];
  const baseRate = median(baseline.map(({ sample }) => sample.calls / sample.seconds));
  const baseCpu = median(baseline.map(({ sample }) => sample.gatewayCpuUs));
  const rows = [
    [
      "policy",
      "calls/s",
      "p50 ms",
      "p99 ms",
      "added p50 ms",
      "added p99 ms",
      "gateway CPU/call µs",
      "calls/s vs 1 rule",
      "CPU/call vs 1 rule",
    ],
  ];
  for (const arm of arms) {
    const runs = results.get(arm.name) ?? [];
    const viaGateway = arm.rules !== undefined;
    const rate = median(runs.map(({ sample }) => sample.calls / sample.seconds));
    const cpu = median(runs.map(({ sample }) => sample.gatewayCpuUs));
    const column = (pick: (run: { sample: Sample; direct: Sample }) => number, digits: number) =>
      spread(runs.map(pick), digits);
    rows.push([
      arm.name,
      column(({ sample }) => sample.calls / sample.seconds, 0),
      column(({ sample }) => sample.p50, 2),
      column(({ sample }) => sample.p99, 2),
      viaGateway ? column(({ sample, direct }) => sample.p50 - direct.p50, 2) : "-",
      viaGateway ? column(({ sample, direct }) => sample.p99 - direct.p99, 2) : "-",
      viaGateway ? column(({ sample }) => sample.gatewayCpuUs, 0) : "-",
      viaGateway ? `${(rate / baseRate).toFixed(3)}x` : "-",
      viaGateway ? `${(cpu / baseCpu).toFixed(3)}x` : "-",
    ]);
  }
  console.log(
    `\n${rounds} alternating rounds, ${measureSeconds} s each, ${concurrency} concurrent callers, echo on the raw echo upstream; median (min–max); added = vs that round's direct run; load average at the end ${loadAverage()}\n`,
  );
  console.log(markdownTable(rows));
}

await main();
