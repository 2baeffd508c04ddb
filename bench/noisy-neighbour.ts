// Noisy neighbour: a quiet tenant calls echo at a steady rate while another tenant sends 10x its rate
// limit (100 calls/s against 600/minute) and holds 1,000 calls open (500 on an upstream that never
// answers, 500 waiting for approval). Reports the quiet tenant's latency alone vs with the noise, in
// alternating rounds. The noisy tenant runs in a process of its own (bench/support/noisy-tenant.ts), as
// another client machine would. Goal: quiet p99 +<20%. Needs Postgres and Redis. Run from the repo root:
//   node --import tsx bench/noisy-neighbour.ts   (BENCH_ROUND_SECONDS=20, BENCH_ROUNDS=2, BENCH_QUIET_RATE=20)
import { spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  closeClient,
  connect,
  loopSamples,
  machineLoad,
  pacedLoad,
  percentile,
  printTable,
  type Stack,
  startStack,
} from "./support/endurance-stack";

const roundSeconds = Number(process.env.BENCH_ROUND_SECONDS ?? 20);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const quietRate = Number(process.env.BENCH_QUIET_RATE ?? 20);
const noisyRate = 100; // 10x the noisy tenant's 600/minute limit
const heldCalls = 1_000;

type Round = {
  mode: "alone" | "noisy";
  p50: number;
  p99: number;
  calls: number;
  failed: number;
  noisyAnswers: Record<string, number>;
  gatewayLoopP99: number;
  benchLoopP99: number;
};

const stack = await startStack({ BENCH_PROBE_MS: "1000" });
try {
  const results: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    results.push(await measure(stack, "alone"));
    results.push(await measure(stack, "noisy"));
  }
  const alone = results.filter((r) => r.mode === "alone");
  const noisy = results.filter((r) => r.mode === "noisy");
  const rows = [
    [
      "round",
      "quiet calls",
      "failed",
      "quiet p50 ms",
      "quiet p99 ms",
      "gateway loop p99 ms (max of 1s)",
      "bench loop p99 ms",
      "noisy tenant's answers",
    ],
  ];
  for (const [index, r] of results.entries()) {
    rows.push([
      `${index + 1}: ${r.mode}`,
      String(r.calls),
      String(r.failed),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.gatewayLoopP99.toFixed(1),
      r.benchLoopP99.toFixed(1),
      Object.entries(r.noisyAnswers)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(", ") || "-",
    ]);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const p99Alone = mean(alone.map((r) => r.p99));
  const p99Noisy = mean(noisy.map((r) => r.p99));
  rows.push([
    "quiet p99, noisy vs alone",
    "-",
    "-",
    "-",
    `${((p99Noisy / p99Alone - 1) * 100).toFixed(1)}%`,
    "-",
    "-",
    "goal +<20%",
  ]);
  printTable(
    `Noisy neighbour: quiet tenant at ${quietRate} calls/s (4 sessions); noisy tenant at ${noisyRate}/s against a 10/s limit plus ${heldCalls} held calls; ${roundSeconds}s rounds, alternating.\n${machineLoad()} at the end.`,
    rows,
  );
} finally {
  await stack.stop();
}

async function measure(stack: Stack, mode: "alone" | "noisy"): Promise<Round> {
  const url = `${stack.gatewayBase}${stack.seed.quiet.paths.open}`;
  const quiet = await Promise.all(Array.from({ length: 4 }, () => connect(url, stack.seed.quiet.token)));
  const noise = mode === "noisy" ? await startNoise(stack) : undefined;
  const benchLoop = monitorEventLoopDelay({ resolution: 10 });
  benchLoop.enable();
  const startedAt = Date.now();
  const load = pacedLoad(quiet, quietRate);
  await new Promise((resolve) => setTimeout(resolve, roundSeconds * 1000));
  await load.stop();
  benchLoop.disable();
  const gatewayLoop = loopSamples(stack.loopFile, startedAt, Date.now());
  const noisyAnswers = (await noise?.stop()) ?? {};
  await Promise.all(quiet.map(closeClient));
  const latencies = load.samples.map((sample) => sample.ms);
  return {
    mode,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    calls: load.samples.length,
    failed: load.samples.filter((sample) => !sample.ok).length,
    noisyAnswers,
    gatewayLoopP99: Math.max(0, ...gatewayLoop),
    benchLoopP99: benchLoop.percentile(99) / 1e6,
  };
}

/** The noisy tenant, in a process of its own: paced calls over its limit, plus held calls kept open. */
async function startNoise(stack: Stack): Promise<{ stop(): Promise<Record<string, number>> }> {
  const { token, paths } = stack.seed.noisy;
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("./support/noisy-tenant.ts", import.meta.url)),
      stack.gatewayBase,
      token,
      JSON.stringify(paths),
      String(noisyRate),
      String(heldCalls),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`the noisy tenant exited (${code})`)));
    });
  await next(); // "ready"
  return {
    async stop() {
      const answer = next();
      child.stdin.write("stop\n");
      return JSON.parse(await answer) as Record<string, number>;
    },
  };
}
