// Endurance soak: the gateway at half of its measured maximum load for 10 minutes (echo on
// server-everything through one tenant's grant), comparing the first and the last minute: gateway RSS,
// open fds, event-loop delay p99 and call p99. Goals: RSS +<10%, fds flat, p99 drift <20%.
// Needs Postgres and Redis. Run from the repo root:
//   node --import tsx bench/soak.ts   (BENCH_SOAK_SECONDS=600 default; BENCH_WINDOW_SECONDS=60)
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  closeClient,
  connect,
  loopSamples,
  machineLoad,
  pacedLoad,
  percentile,
  printTable,
  processStats,
  startStack,
} from "./support/endurance-stack";

const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 60);
const sessions = 16;

const stack = await startStack({ BENCH_PROBE_MS: "5000" });
try {
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
  const stats: { at: number; rssMiB: number; fds: number }[] = [];
  const startedAt = Date.now();
  const load = pacedLoad(clients, rate);
  const sampler = setInterval(() => stats.push({ at: Date.now(), ...processStats(stack.gatewayPid) }), 5_000);
  await new Promise((resolve) => setTimeout(resolve, soakSeconds * 1000));
  clearInterval(sampler);
  await load.stop();
  const endedAt = Date.now();
  const loadAtEnd = machineLoad();
  await Promise.all(clients.map(closeClient));

  const first = { from: startedAt, to: startedAt + windowSeconds * 1000 };
  const last = { from: endedAt - windowSeconds * 1000, to: endedAt };
  const inWindow = <T extends { at: number }>(items: T[], window: { from: number; to: number }) =>
    items.filter((item) => item.at >= window.from && item.at < window.to);
  const summary = (window: { from: number; to: number }) => {
    const calls = inWindow(load.samples, window);
    const sampled = inWindow(stats, window);
    return {
      rss: median(sampled.map((s) => s.rssMiB)),
      fds: median(sampled.map((s) => s.fds)),
      loop: median(loopSamples(stack.loopFile, window.from, window.to)),
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
  printTable(
    `Soak: ${soakSeconds}s at ${rate} calls/s (half of ~${maxRate.toFixed(0)}/s measured), ${sessions} sessions; first vs last ${windowSeconds}s.\n${loadAtStart} at start, ${loadAtEnd} at end.`,
    [
      ["metric", "start", "end", "change", "goal"],
      [
        "gateway RSS MiB (median)",
        start.rss.toFixed(1),
        end.rss.toFixed(1),
        change(start.rss, end.rss),
        "+<10%",
      ],
      [
        "gateway open fds (median)",
        start.fds.toFixed(0),
        end.fds.toFixed(0),
        change(start.fds, end.fds),
        "flat",
      ],
      [
        "event-loop delay p99 ms (median of 5s samples)",
        start.loop.toFixed(2),
        end.loop.toFixed(2),
        change(start.loop, end.loop),
        "-",
      ],
      ["call p50 ms", start.p50.toFixed(2), end.p50.toFixed(2), change(start.p50, end.p50), "-"],
      ["call p99 ms", start.p99.toFixed(2), end.p99.toFixed(2), change(start.p99, end.p99), "drift <20%"],
      [
        "calls/s achieved",
        start.rate.toFixed(0),
        end.rate.toFixed(0),
        change(start.rate, end.rate),
        `${rate}`,
      ],
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

function median(values: number[]): number {
  return percentile(values, 0.5);
}
