// Rows per second one log-worker process writes to Postgres: N tools/call records are queued on a queue of
// their own (in batches of 1,000, as the gateway's sink queues them), then a log worker process (as
// deployed: `npm run start:log-worker`, BullMQ concurrency 4) is started on that queue, and the rows are
// counted in Postgres (every 50 ms) until all are written. Rate = rows / time from the worker's "running"
// line to the last row seen; also the worker's CPU per row over that time. One arm, several rounds.
// Needs Postgres and Redis (DATABASE_URL, REDIS_URL). Run from the repo root:
//   node --import tsx bench/call-log-throughput.ts
//   (BENCH_ROWS=100000 BENCH_ROUNDS=3, BENCH_COMPILED=1 for the compiled worker: node apps/gateway/scripts/build.mjs,
//    BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" to profile the worker)
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpuSeconds,
  databaseUrl,
  loadAverage,
  markdownTable,
  root,
  runToEnd,
  spread,
} from "./support/bench-processes";

const rowsPerRound = Number(process.env.BENCH_ROWS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const workerEntry =
  process.env.BENCH_COMPILED === "1"
    ? ["--enable-source-maps", "apps/gateway/dist/log-worker-main.mjs"]
    : ["--import", "tsx", "apps/gateway/src/log-worker-main.ts"];
// e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/worker-prof" to profile the worker.
const workerNodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? "").split(" ").filter((arg) => arg.length > 0);
const DATA_SCRIPT = ["--import", "tsx", "apps/gateway/scripts/call-log-bench-data.ts"];

type Sample = { rowsPerSecond: number; workerCpuUsPerRow: number; seconds: number };

async function round(): Promise<Sample> {
  const prefix = `logs-${randomBytes(4).toString("hex")}`;
  const queue = `call-logs-${prefix}`;
  const env = { DATABASE_URL: databaseUrl(), REDIS_URL: redisUrl };
  try {
    const { tenantId } = JSON.parse(
      await runToEnd([...DATA_SCRIPT, "enqueue", queue, String(rowsPerRound), prefix], env),
    ) as { tenantId: string };
    const waiting = runToEnd([...DATA_SCRIPT, "wait", tenantId, String(rowsPerRound)], env);
    const worker = await startWorker(queue);
    const readyAtMs = Date.now();
    const cpuBefore = cpuSeconds(worker.pid ?? 0);
    const { doneAtMs } = JSON.parse(await waiting) as { doneAtMs: number };
    const workerCpu = cpuSeconds(worker.pid ?? 0) - cpuBefore;
    await stop(worker);
    const seconds = (doneAtMs - readyAtMs) / 1000;
    return {
      rowsPerSecond: rowsPerRound / seconds,
      workerCpuUsPerRow: (workerCpu / rowsPerRound) * 1e6,
      seconds,
    };
  } finally {
    await runToEnd(["--import", "tsx", "apps/gateway/scripts/seed-scale.ts", "cleanup", prefix], env);
  }
}

function startWorker(queue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...workerNodeArgs, ...workerEntry], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      REDIS_URL: redisUrl,
      TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
      TOOLGATE_CALL_LOG_QUEUE: queue,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("call-log worker running")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`log worker exited (${code}): ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

const samples: Sample[] = [];
for (let i = 0; i < rounds; i++) {
  const sample = await round();
  samples.push(sample);
  console.error(
    `  round ${i + 1}: ${sample.rowsPerSecond.toFixed(0)} rows/s, ${sample.workerCpuUsPerRow.toFixed(0)} µs worker CPU/row (load ${loadAverage()})`,
  );
}
console.log(
  `\n${rounds} rounds of ${rowsPerRound.toLocaleString("en")} queued tools/call records (batches of 1,000), one log worker process (${process.env.BENCH_COMPILED === "1" ? "compiled" : "tsx"}); median (min–max); load average at the end ${loadAverage()}\n`,
);
console.log(
  markdownTable([
    ["rows/s written", "worker CPU/row µs", "seconds to drain"],
    [
      spread(
        samples.map((s) => s.rowsPerSecond),
        0,
      ),
      spread(
        samples.map((s) => s.workerCpuUsPerRow),
        1,
      ),
      spread(
        samples.map((s) => s.seconds),
        1,
      ),
    ],
  ]),
);
