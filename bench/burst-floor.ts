// The floor under the noisy-neighbour ramp-up (bench/noisy-neighbour.ts): the same kind of burst, 1,000
// POSTs fired at once from another process (half held open, half answered), against a bare node:http
// server with nothing behind it (bench/support/bare-http-server.ts) instead of the gateway. A quiet client
// sends paced requests throughout; its p99 while the burst arrives, against its p99 alone, is what any
// single Node.js process on this machine pays for reading such a burst, before any gateway work.
// Prints a table per round: quiet p50/p99/max alone and during the burst, and the server's longest
// event-loop stall in each window. Run from the repo root (no database needed):
//   node --import tsx bench/burst-floor.ts   (BENCH_ROUNDS=3, BENCH_QUIET_RATE=20, BENCH_BURST=1000,
//   BENCH_ALONE_SECONDS=10, BENCH_RAMP_SECONDS=2; BENCH_NOISY_CPU=<core> pins the burst client there,
//   as in the noisy-neighbour bench run under `taskset -c <other core>`)
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Pool } from "undici";
import {
  cpuSeconds,
  freePort,
  loadAverage,
  markdownTable,
  percentile,
  startProcess,
  stopAll,
  stopChild,
} from "./support/bench-processes";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const quietRate = Number(process.env.BENCH_QUIET_RATE ?? 20);
const burst = Number(process.env.BENCH_BURST ?? 1000);
const aloneSeconds = Number(process.env.BENCH_ALONE_SECONDS ?? 10);
const rampSeconds = Number(process.env.BENCH_RAMP_SECONDS ?? 2);
const noisyCpu = process.env.BENCH_NOISY_CPU;
const PROBE_MS = 50;

type Sample = { at: number; ms: number };
type Window = { from: number; to: number };

const loopFile = join(tmpdir(), `burst-floor-loop-${process.pid}.jsonl`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = await startProcess(
  [
    "--import",
    "./bench/support/loop-probe.mjs",
    "--import",
    "tsx",
    "bench/support/bare-http-server.ts",
    String(port),
  ],
  { BENCH_LOOP_FILE: loopFile, BENCH_PROBE_MS: String(PROBE_MS) },
  (out) => out.includes("listening on port"),
);
const quiet = new Pool(base, { connections: 4, pipelining: 1 });
const samples: Sample[] = [];
const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo" } });
const pacer = setInterval(() => {
  const at = Date.now();
  const started = performance.now();
  quiet
    .request({ path: "/answer", method: "POST", body, headers: { "content-type": "application/json" } })
    .then((reply) => reply.body.text())
    .then(() => samples.push({ at, ms: performance.now() - started }))
    .catch((error: unknown) => console.error(`quiet call failed: ${String(error)}`));
}, 1000 / quietRate);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rows: string[][] = [];
try {
  await sleep(2_000); // connections and JIT warm
  for (let round = 1; round <= rounds; round++) {
    const aloneFrom = Date.now();
    const cpuAlone = cpuSeconds(server.pid ?? 0);
    await sleep(aloneSeconds * 1000);
    const alone = { from: aloneFrom, to: Date.now() };
    const aloneCpu = (cpuSeconds(server.pid ?? 0) - cpuAlone) / aloneSeconds;
    const startAt = Date.now() + 1_500;
    const client = await startProcess(
      ["--import", "tsx", "bench/support/burst-client.ts", base, String(burst), String(startAt)],
      {},
      (out) => out.includes("ready"),
      noisyCpu,
    );
    await sleep(startAt - Date.now());
    const cpuRamp = cpuSeconds(server.pid ?? 0);
    await sleep(rampSeconds * 1000);
    const ramp = { from: startAt, to: Date.now() };
    const rampCpu = (cpuSeconds(server.pid ?? 0) - cpuRamp) / rampSeconds;
    await sleep(1_000); // the last quiet calls of the window complete
    await stopChild(client);
    rows.push(row(`${round} alone`, alone, aloneCpu), row(`${round} burst`, ramp, rampCpu));
    console.error(`  round ${round} of ${rounds} done`);
    await sleep(2_000); // the held connections close
  }
} finally {
  clearInterval(pacer);
  await quiet.close();
  await stopAll();
  rmSync(loopFile, { force: true });
}
console.log(
  `\nBurst floor: bare node:http server; quiet client at ${quietRate} requests/s on 4 keep-alive connections; ${burst} POSTs fired at once from another process (half held open); ${aloneSeconds}s alone and ${rampSeconds}s burst windows; load ${loadAverage()}\n`,
);
console.log(
  markdownTable([
    ["round / window", "quiet calls", "p50 ms", "p99 ms", "max ms", "server loop stall max ms", "server CPU"],
    ...rows,
  ]),
);

function row(name: string, window: Window, cpuShare: number): string[] {
  const inWindow = samples
    .filter((sample) => sample.at >= window.from && sample.at < window.to)
    .map((sample) => sample.ms)
    .sort((a, b) => a - b);
  return [
    name,
    String(inWindow.length),
    percentile(inWindow, 0.5).toFixed(2),
    percentile(inWindow, 0.99).toFixed(2),
    (inWindow.at(-1) ?? Number.NaN).toFixed(2),
    loopStallMax(window).toFixed(1),
    `${(cpuShare * 100).toFixed(0)}%`,
  ];
}

function loopStallMax(window: Window): number {
  const lines = readFileSync(loopFile, "utf8").trim().split("\n");
  let max = 0;
  for (const line of lines) {
    const probe = JSON.parse(line) as { at: number; maxMs: number };
    // Each line covers the PROBE_MS before its time stamp.
    if (probe.at > window.from && probe.at - PROBE_MS < window.to) max = Math.max(max, probe.maxMs);
  }
  return max;
}
