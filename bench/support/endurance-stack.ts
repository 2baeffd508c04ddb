// The stack the endurance benchmarks drive: server-everything (upstream), a server that never answers,
// two seeded tenants, and the gateway as its own process with an event-loop probe preloaded.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  freePort,
  gatewayEntry,
  gatewayNodeArgs,
  openFds,
  root,
  rssBytes,
  runToEnd,
  startProcess,
  startRawEchoProcess,
  stopChild,
} from "./bench-processes";

export { cpuSeconds } from "./bench-processes";

const everythingEntry = fileURLToPath(
  new URL("../node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url),
);
const probe = fileURLToPath(new URL("./loop-probe.mjs", import.meta.url));

export type Seeded = {
  quiet: { token: string; paths: { open: string } };
  noisy: { token: string; paths: { limited: string; hung: string; held: string } };
};

export type Stack = {
  gatewayBase: string;
  gatewayPid: number;
  upstreamUrl: string;
  /** The quiet tenant's MCP server process. */
  upstreamPid: number;
  seed: Seeded;
  loopFile: string;
  stop(): Promise<void>;
};

/**
 * The quiet tenant's MCP server: server-everything (the SDK's reference server), or the raw echo
 * upstream, which keeps no state per call. server-everything keeps every message it sent in an
 * in-memory event store for resumability, so over a long run its own heap and CPU per call grow.
 */
export type QuietUpstream = "everything" | "raw";

/** Starts everything; `gatewayEnv` adds to the gateway's environment. */
export async function startStack(
  gatewayEnv: Record<string, string> = {},
  quietUpstreamKind: QuietUpstream = "everything",
): Promise<Stack> {
  const children: ChildProcess[] = [];
  // Two MCP servers, as two organisations would have: the noisy tenant's allowed calls load its own
  // server, not the quiet tenant's, so what the quiet tenant sees is the gateway's fairness.
  // BENCH_NOISY_CPU (bench/noisy-neighbour.ts) puts the noisy tenant's server on the noisy client's core.
  const [quietUpstream, noisyUpstream] = await Promise.all([
    quietUpstreamKind === "raw" ? startRawEchoProcess() : startEverything(),
    startEverything(process.env.BENCH_NOISY_CPU),
  ]);
  children.push(quietUpstream.process, noisyUpstream.process);
  const upstreamUrl = quietUpstream.url;
  // Accepts every request and never answers: a hung upstream.
  const hung: Server = createHttpServer(() => {});
  await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
  const hungAddress = hung.address();
  const hungUrl = `http://127.0.0.1:${typeof hungAddress === "object" && hungAddress !== null ? hungAddress.port : 0}/mcp`;
  const seed = JSON.parse(
    await runToEnd([
      "--import",
      "tsx",
      "apps/gateway/scripts/seed-endurance-bench.ts",
      upstreamUrl,
      hungUrl,
      noisyUpstream.url,
    ]),
  ) as Seeded;
  const loopFile = join(tmpdir(), `toolgate-loop-${randomBytes(4).toString("hex")}.jsonl`);
  writeFileSync(loopFile, "");
  const gatewayPort = await freePort();
  const gateway = spawn(process.execPath, [...gatewayNodeArgs, "--import", probe, ...gatewayEntry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(gatewayPort),
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test",
      TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
      TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
      TOOLGATE_CALL_LOG_QUEUE: `call-logs-bench-${randomBytes(4).toString("hex")}`,
      LOG_LEVEL: "error",
      BENCH_LOOP_FILE: loopFile,
      ...gatewayEnv,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(gateway);
  const gatewayBase = `http://127.0.0.1:${gatewayPort}`;
  await waitForHealth(`${gatewayBase}/healthz`);
  return {
    gatewayBase,
    gatewayPid: gateway.pid ?? 0,
    upstreamUrl,
    upstreamPid: quietUpstream.process.pid ?? 0,
    seed,
    loopFile,
    async stop() {
      hung.closeAllConnections();
      hung.close();
      await Promise.all(children.map(stopChild));
    },
  };
}

/** A server-everything process on a free port, on core `cpu` only when given (taskset). */
async function startEverything(cpu?: string): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const child = await startProcess(
    [everythingEntry, "streamableHttp"],
    { PORT: String(port) },
    (out) => out.includes("listening on port"),
    cpu,
  );
  return { process: child, url: `http://127.0.0.1:${port}/mcp` };
}

/** A process's resident memory (MiB) and open file descriptors. */
export function processStats(pid: number): { rssMiB: number; fds: number } {
  return { rssMiB: rssBytes(pid) / 1024 / 1024, fds: openFds(pid) };
}

/** CPU time all cores of the machine spent busy so far, in seconds (any process: the machine is shared). */
export function machineBusySeconds(): number {
  const cpu =
    readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1, 9).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return (cpu.reduce((sum, ticks) => sum + ticks, 0) - idle) / 100;
}

/** Event-loop delay p99 samples the probe wrote since `sinceMs`. */
export function loopSamples(
  file: string,
  sinceMs: number,
  untilMs = Number.POSITIVE_INFINITY,
  field: "p99Ms" | "maxMs" = "p99Ms",
): number[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as { at: number; p99Ms: number; maxMs: number })
    .filter((sample) => sample.at >= sinceMs && sample.at < untilMs)
    .map((sample) => sample[field]);
}

export async function connect(url: string, token: string): Promise<Client> {
  const client = new Client({ name: "endurance-bench", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

export async function closeClient(client: Client): Promise<void> {
  const transport = client.transport;
  if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => {});
  await client.close();
}

/** One call: when it ended, how long it took, and why it failed (the error, or the tool's error text). */
export type CallSample = { at: number; ms: number; ok: boolean; failure?: string };

/**
 * Calls echo at a fixed total rate spread over the clients (open loop: a slow answer does not lower the
 * offered load) until `stop()`; records each call's latency.
 */
export function pacedLoad(
  clients: Client[],
  callsPerSecond: number,
): { samples: CallSample[]; stop(): Promise<void> } {
  const samples: CallSample[] = [];
  let running = true;
  const perClientGapMs = (1000 * clients.length) / callsPerSecond;
  const loops = clients.map(async (client, index) => {
    let next = performance.now() + (index * perClientGapMs) / clients.length;
    const inflight = new Set<Promise<void>>();
    while (running) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      next += perClientGapMs;
      const started = performance.now();
      const call: Promise<void> = client
        .callTool({ name: "echo", arguments: { message: "endurance" } })
        .then(
          (result) => {
            samples.push({
              at: Date.now(),
              ms: performance.now() - started,
              ok: result.isError !== true,
              failure: result.isError === true ? JSON.stringify(result.content).slice(0, 160) : undefined,
            });
          },
          (error: unknown) => {
            const failure = error instanceof Error ? error.message : String(error);
            samples.push({ at: Date.now(), ms: performance.now() - started, ok: false, failure });
          },
        )
        .finally(() => inflight.delete(call));
      inflight.add(call);
    }
    await Promise.all(inflight);
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

export function printTable(title: string, rows: string[][]): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(`\n${title}\n`);
  console.log(line(rows[0] ?? []));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

/** The 1-, 5- and 15-minute load averages and the core count, for the table's caption. */
export function machineLoad(): string {
  const [one, five, fifteen] = readFileSync("/proc/loadavg", "utf8").split(" ");
  return `load average ${one} / ${five} / ${fifteen} on ${readdirSync("/sys/devices/system/cpu").filter((name) => /^cpu\d+$/.test(name)).length} cores`;
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
