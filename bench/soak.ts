// Endurance soak: the gateway at half of its measured maximum load for 10 minutes (echo through one
// tenant's grant), comparing the first and the last minute: gateway RSS, open fds, event-loop delay p99
// and call p99. Goals: RSS +<10%, fds flat, p99 drift <20%. The upstream's own memory and CPU are
// printed beside the gateway's, so that a drift can be placed.
// BENCH_SOAK_UPSTREAM: "raw" (default; the raw echo upstream keeps no state per call) or "everything"
// (server-everything, which keeps every message it sent in memory for resumability: over a long run
// its heap and its CPU per call grow, and so does every call's latency, gateway or not).
// Open fds follow the client's connection pool: a burst opens connections that stay until they idle out
// (the gateway's keep-alive is 65 s), so the gateway's idle fds are also compared before the run and
// BENCH_SOAK_IDLE_SECONDS (default 70) after it; a leak shows there. The bench client's own longest
// event-loop stall is printed beside the gateway's: a stalled client fires its late calls as one burst.
// Needs Postgres; REDIS_URL set runs the gateway in Redis mode, unset in single-node mode. From the root:
//   node --import tsx bench/soak.ts   (BENCH_SOAK_SECONDS=600 default; BENCH_WINDOW_SECONDS=60)
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  closeClient,
  connect,
  cpuSeconds,
  loopSamples,
  machineLoad,
  pacedLoad,
  percentile,
  printTable,
  processStats,
  type QuietUpstream,
  startStack,
} from "./support/endurance-stack";

const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 60);
const sessions = 16;
const upstreamKind = (process.env.BENCH_SOAK_UPSTREAM ?? "raw") as QuietUpstream;
const idleSeconds = Number(process.env.BENCH_SOAK_IDLE_SECONDS ?? 70);

const stack = await startStack({ BENCH_PROBE_MS: "5000" }, upstreamKind);
try {
  const fdsBefore = processStats(stack.gatewayPid).fds;
  const url = `${stack.gatewayBase}${stack.seed.quiet.paths.open}`;
  const clients: Client[] = await Promise.all(
    Array.from({ length: sessions }, () => connect(url, stack.seed.quiet.token)),
  );
  const maxRate = await saturate(clients, 3, 10);
  const rate = Math.max(1, Math.round(maxRate / 2));
  console.error(
    `max ~${maxRate.toFixed(0)} calls/s through the gateway; soaking at ${rate}/s for ${soakSeconds}s`,
  );
  const loadAtStart = machineLoad();
  type Sample = {
    at: number;
    rssMiB: number;
    fds: number;
    cpuS: number;
    upstreamRssMiB: number;
    upstreamCpuS: number;
    clientLoopMaxMs: number;
  };
  const clientLoop = monitorEventLoopDelay({ resolution: 10 });
  clientLoop.enable();
  const stats: Sample[] = [];
  const sample = (): Sample => ({
    at: Date.now(),
    ...processStats(stack.gatewayPid),
    cpuS: cpuSeconds(stack.gatewayPid),
    upstreamRssMiB: processStats(stack.upstreamPid).rssMiB,
    upstreamCpuS: cpuSeconds(stack.upstreamPid),
    clientLoopMaxMs: takeMax(clientLoop),
  });
  const startedAt = Date.now();
  const load = pacedLoad(clients, rate);
  stats.push(sample());
  const sampler = setInterval(() => stats.push(sample()), 5_000);
  await new Promise((resolve) => setTimeout(resolve, soakSeconds * 1000));
  clearInterval(sampler);
  await load.stop();
  const endedAt = Date.now();
  const loadAtEnd = machineLoad();
  await Promise.all(clients.map(closeClient));
  clientLoop.disable();
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const fdsAfter = processStats(stack.gatewayPid).fds;

  const first = { from: startedAt, to: startedAt + windowSeconds * 1000 };
  const last = { from: endedAt - windowSeconds * 1000, to: endedAt };
  const inWindow = <T extends { at: number }>(items: T[], window: { from: number; to: number }) =>
    items.filter((item) => item.at >= window.from && item.at < window.to);
  const summary = (window: { from: number; to: number }) => {
    const calls = inWindow(load.samples, window);
    const sampled = inWindow(stats, window);
    // CPU between the window's first and last sample, as % of one core.
    const busy = (seconds: (s: Sample) => number) => {
      const [from, to] = [sampled[0], sampled[sampled.length - 1]];
      if (from === undefined || to === undefined || to.at === from.at) return Number.NaN;
      return ((seconds(to) - seconds(from)) / ((to.at - from.at) / 1000)) * 100;
    };
    return {
      cpu: busy((s) => s.cpuS),
      upstreamRss: median(sampled.map((s) => s.upstreamRssMiB)),
      upstreamCpu: busy((s) => s.upstreamCpuS),
      rss: median(sampled.map((s) => s.rssMiB)),
      fds: median(sampled.map((s) => s.fds)),
      loop: median(loopSamples(stack.loopFile, window.from, window.to)),
      loopMax: Math.max(...loopSamples(stack.loopFile, window.from, window.to, "maxMs")),
      clientLoopMax: Math.max(...sampled.map((s) => s.clientLoopMaxMs)),
      p99: percentile(
        calls.map((c) => c.ms),
        0.99,
      ),
      p50: percentile(
        calls.map((c) => c.ms),
        0.5,
      ),
      rate: calls.length / windowSeconds,
      errors: calls.filter((c) => !c.ok).length,
    };
  };
  const start = summary(first);
  const end = summary(last);
  const change = (a: number, b: number) => `${b >= a ? "+" : ""}${(((b - a) / a) * 100).toFixed(1)}%`;
  // One row comparing the first window with the last (or any before/after pair).
  const compare = (metric: string, before: number, after: number, digits: number, goal = "-") => [
    metric,
    before.toFixed(digits),
    after.toFixed(digits),
    change(before, after),
    goal,
  ];
  printTable(
    `Soak: ${soakSeconds}s at ${rate} calls/s (half of ~${maxRate.toFixed(0)}/s measured), ${sessions} sessions, ${process.env.REDIS_URL ? "Redis mode" : "single-node mode"}, upstream ${upstreamKind}; first vs last ${windowSeconds}s.\n${loadAtStart} at start, ${loadAtEnd} at end.`,
    [
      ["metric", "start", "end", "change", "goal"],
      compare("gateway RSS MiB (median)", start.rss, end.rss, 1, "+<10%"),
      compare("gateway open fds (median)", start.fds, end.fds, 0, "flat"),
      compare("gateway CPU % of a core", start.cpu, end.cpu, 1),
      compare(`upstream (${upstreamKind}) RSS MiB (median)`, start.upstreamRss, end.upstreamRss, 1),
      compare(`upstream (${upstreamKind}) CPU % of a core`, start.upstreamCpu, end.upstreamCpu, 1),
      compare("event-loop delay p99 ms (median of 5s samples)", start.loop, end.loop, 2),
      compare("event-loop delay max ms (longest stall in the window)", start.loopMax, end.loopMax, 0),
      compare("bench client's event-loop delay max ms", start.clientLoopMax, end.clientLoopMax, 0),
      compare(
        `gateway open fds idle: before the run / ${idleSeconds}s after`,
        fdsBefore,
        fdsAfter,
        0,
        "flat",
      ),
      compare("call p50 ms", start.p50, end.p50, 2),
      compare("call p99 ms", start.p99, end.p99, 2, "drift <20%"),
      compare("calls/s achieved", start.rate, end.rate, 0, `${rate}`),
      ["failed calls", String(start.errors), String(end.errors), "-", "0"],
    ],
  );
  const failed = load.samples.filter((c) => !c.ok);
  console.log(`\ntotal calls ${load.samples.length}, failed ${failed.length}`);
  const reasons = new Map<string, number>();
  for (const call of failed) {
    const reason = (call.failure ?? "tool error").slice(0, 160);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`  ${count} × ${reason}`);
} finally {
  await stack.stop();
}

async function saturate(clients: Client[], warmupSeconds: number, seconds: number): Promise<number> {
  const run = async (duration: number) => {
    let calls = 0;
    const deadline = performance.now() + duration * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          await client.callTool({ name: "echo", arguments: { message: "max" } });
          calls += 1;
        }
      }),
    );
    return calls;
  };
  await run(warmupSeconds);
  return (await run(seconds)) / seconds;
}

/** The histogram's longest delay since the last call, in ms; starts the next interval. */
function takeMax(histogram: ReturnType<typeof monitorEventLoopDelay>): number {
  const max = histogram.max / 1e6;
  histogram.reset();
  return max;
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}
