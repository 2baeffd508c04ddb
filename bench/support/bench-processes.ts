// Process plumbing shared by the scale benches: free ports, child processes (raw echo upstream,
// gateway, seed scripts), per-process CPU, RSS and open files from /proc, the gateway's own heap
// figures from its Prometheus listener, and markdown tables.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const CLOCK_TICKS_PER_SECOND = 100;
const children: ChildProcess[] = [];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a long-running node child and resolves once its stderr shows `ready`; `onCpu` pins it to that
 * core (taskset), as if it ran on another machine.
 */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: (output: string) => boolean,
  onCpu?: string,
): Promise<ChildProcess> {
  const [command = "", ...argv] =
    onCpu === undefined ? [process.execPath, ...args] : ["taskset", "-c", onCpu, process.execPath, ...args];
  const child = spawn(command, argv, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    let resolved = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (resolved) {
        // After start-up only warnings and errors are printed; pass them on.
        process.stderr.write(text);
        return;
      }
      if (output.length < 65_536) output += text;
      if (ready(output)) {
        resolved = true;
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      if (!resolved) reject(new Error(`${args.join(" ")} exited (${code}): ${output}`));
    });
  });
}

/** Runs a script to its end and returns its stdout. */
export function runToEnd(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0
        ? resolve(Buffer.concat(chunks).toString("utf8"))
        : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

/** The raw echo upstream as a process of its own (env: its RAW_ECHO_* opt-ins). */
export async function startRawEchoProcess(
  env: Record<string, string> = {},
): Promise<{ url: string; pid: number; process: ChildProcess }> {
  const port = await freePort();
  const child = await startProcess(
    ["--import", "tsx", "bench/support/raw-echo-upstream.ts", String(port)],
    env,
    (out) => out.includes("listening on port"),
  );
  return { url: `http://127.0.0.1:${port}/mcp`, pid: child.pid ?? 0, process: child };
}

export type GatewayProcess = { base: string; metrics: string; pid: number; stop(): Promise<void> };

// BENCH_COMPILED=1: the compiled gateway (apps/gateway/dist/main.mjs, as `npm start` and deployments run
// it; build it first with `node apps/gateway/scripts/build.mjs`) instead of the TypeScript source through tsx.
// BENCH_GATEWAY_ENTRY=<main.mjs>: another compiled build, e.g. an earlier commit's from
// `node bench/support/build-gateway-at.mjs <ref>`, to compare two builds in runs of the same bench.
export const gatewayEntry =
  process.env.BENCH_GATEWAY_ENTRY !== undefined
    ? ["--enable-source-maps", process.env.BENCH_GATEWAY_ENTRY]
    : process.env.BENCH_COMPILED === "1"
      ? ["--enable-source-maps", "apps/gateway/dist/main.mjs"]
      : ["--import", "tsx", "apps/gateway/src/main.ts"];

/** BENCH_GATEWAY_NODE_ARGS: flags for the gateway's node only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
export const gatewayNodeArgs = (process.env.BENCH_GATEWAY_NODE_ARGS ?? "")
  .split(" ")
  .filter((arg) => arg !== "");

/** Starts a gateway process (with a Prometheus listener of its own) and waits until it is healthy. */
export async function startGateway(env: Record<string, string> = {}): Promise<GatewayProcess> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [...gatewayNodeArgs, ...gatewayEntry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl(),
      TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
      TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
      TOOLGATE_METRICS_PORT: String(metricsPort),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/healthz`);
  return {
    base,
    metrics: `http://127.0.0.1:${metricsPort}/metrics`,
    pid: child.pid ?? 0,
    stop: () => stopChild(child),
  };
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not become healthy at ${url}`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Stops every child this bench started. */
export async function stopAll(): Promise<void> {
  await Promise.all(children.map(stopChild));
}

/** User + system CPU seconds of a process so far. */
export function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: utime and stime are fields 14 and 15, after the parenthesised command name.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process, in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? Number.NaN) * 1024;
}

export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** A sample of the gateway's Prometheus default metrics (heap used, external memory). */
export async function gatewayHeap(metricsUrl: string): Promise<{ heapUsed: number; external: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const value = (name: string) =>
    Number(new RegExp(`^${name} ([0-9.e+]+)`, "m").exec(text)?.[1] ?? Number.NaN);
  return {
    heapUsed: value("toolgate_nodejs_heap_size_used_bytes"),
    external: value("toolgate_nodejs_external_memory_bytes"),
  };
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** "median (min–max)" of several rounds' figures. */
export function spread(values: number[], digits: number): string {
  if (values.length === 1) return (values[0] ?? Number.NaN).toFixed(digits);
  return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

export function markdownTable(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [
    line(rows[0] ?? []),
    `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`,
    ...rows.slice(1).map(line),
  ].join("\n");
}

export function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}
