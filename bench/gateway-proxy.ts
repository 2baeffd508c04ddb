// Throughput and latency of MCP `echo` calls on @modelcontextprotocol/server-everything, direct and
// through the Toolgate gateway (each a separate process, as deployed), for 1 and 16 SDK client sessions;
// also through the tenant URL `/<tenant>/mcp`, which adds a loopback hop to the per-server URL.
// Needs Postgres and Redis (DATABASE_URL, REDIS_URL). Run from the repo root:
//   node --import tsx bench/gateway-proxy.ts   (BENCH_SECONDS=20 BENCH_WARMUP_SECONDS=5 to lengthen,
//   BENCH_COMPILED=1 for the compiled gateway)
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { isolatingFetch } from "./support/isolating-fetch";

const root = fileURLToPath(new URL("..", import.meta.url));
const everythingEntry = fileURLToPath(
  new URL("./node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url),
);
const measureSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const sessionCounts = [1, 16];
// e.g. BENCH_GATEWAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/gateway-prof" to profile the gateway.
const gatewayNodeArgs = (process.env.BENCH_GATEWAY_NODE_ARGS ?? "")
  .split(" ")
  .filter((arg) => arg.length > 0);
// BENCH_COMPILED=1: the compiled gateway (apps/gateway/dist/main.mjs, as `npm start` runs it; build it
// first with `node apps/gateway/scripts/build.mjs`) instead of the TypeScript source through tsx.
const gatewayEntry =
  process.env.BENCH_COMPILED === "1"
    ? ["--enable-source-maps", "apps/gateway/dist/main.mjs"]
    : ["--import", "tsx", "apps/gateway/src/main.ts"];

type Target = { name: string; url: string; headers: Record<string, string>; tool?: string };
type Result = {
  target: string;
  sessions: number;
  calls: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU time of the gateway and of the upstream process per measured call, in µs. */
  gatewayCpuUs: number;
  upstreamCpuUs: number;
};

// Per-process CPU is steadier than wall-clock figures when other work shares the cores.
const CLOCK_TICKS_PER_SECOND = 100;
const processes = { gateway: 0, upstream: 0 };

const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const everythingPort = await freePort();
  const everythingUrl = `http://127.0.0.1:${everythingPort}/mcp`;
  const everything = await startProcess(
    process.execPath,
    [everythingEntry, "streamableHttp"],
    { PORT: String(everythingPort) },
    (out) => out.includes("listening on port"),
  );
  children.push(everything);
  processes.upstream = everything.pid ?? 0;
  const seed = JSON.parse(
    await runToEnd(process.execPath, [
      "--import",
      "tsx",
      "apps/gateway/scripts/seed-bench.ts",
      everythingUrl,
    ]),
  ) as { token: string; paths: Record<string, string> };
  const gatewayPort = await freePort();
  const gatewayBase = `http://127.0.0.1:${gatewayPort}`;
  const gateway = spawn(process.execPath, [...gatewayNodeArgs, ...gatewayEntry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(gatewayPort),
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test",
      TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
      TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
      LOG_LEVEL: "warn",
      TOOLGATE_RUN_LOG_WORKER: process.env.TOOLGATE_RUN_LOG_WORKER ?? "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(gateway);
  processes.gateway = gateway.pid ?? 0;
  await waitForHealth(`${gatewayBase}/healthz`);
  const auth = { Authorization: `Bearer ${seed.token}` };
  const targets: Target[] = [
    { name: "direct", url: everythingUrl, headers: {} },
    { name: "gateway (allow)", url: `${gatewayBase}${seed.paths.open}`, headers: auth },
    { name: "gateway (allow + rate limit)", url: `${gatewayBase}${seed.paths.limited}`, headers: auth },
    // The tenant URL aggregates both servers and reaches echo through the open server's own URL.
    {
      name: "gateway tenant URL (allow)",
      url: `${gatewayBase}${seed.paths.tenant}`,
      headers: auth,
      tool: seed.paths.tenantTool,
    },
  ];
  const results: Result[] = [];
  for (const sessions of sessionCounts) {
    for (const target of targets) {
      const result = await measure(target, sessions);
      results.push(result);
      console.error(`  measured ${target.name}, ${sessions} session(s)`);
    }
  }
  printTable(results);
}

async function measure(target: Target, sessions: number): Promise<Result> {
  const clients = await Promise.all(Array.from({ length: sessions }, () => connect(target)));
  const run = async (seconds: number, latencies: number[] | undefined) => {
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const started = performance.now();
          const result = await client.callTool({
            name: target.tool ?? "echo",
            arguments: { message: "bench" },
          });
          if (result.isError)
            throw new Error(`echo failed through ${target.name}: ${JSON.stringify(result)}`);
          latencies?.push(performance.now() - started);
        }
      }),
    );
  };
  await run(warmupSeconds, undefined);
  const latencies: number[] = [];
  const cpuBefore = { gateway: cpuSeconds(processes.gateway), upstream: cpuSeconds(processes.upstream) };
  const started = performance.now();
  await run(measureSeconds, latencies);
  const seconds = (performance.now() - started) / 1000;
  const perCall = (pid: number, before: number) => ((cpuSeconds(pid) - before) / latencies.length) * 1e6;
  await Promise.all(clients.map((client) => closeSession(client)));
  latencies.sort((a, b) => a - b);
  return {
    target: target.name,
    sessions,
    calls: latencies.length,
    seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    gatewayCpuUs: perCall(processes.gateway, cpuBefore.gateway),
    upstreamCpuUs: perCall(processes.upstream, cpuBefore.upstream),
  };
}

function cpuSeconds(pid: number): number {
  // /proc/<pid>/stat: utime and stime are fields 14 and 15, after the parenthesised command name.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

async function connect(target: Target): Promise<Client> {
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: { headers: target.headers },
      fetch: isolatingFetch,
    }),
  );
  return client;
}

// The SDK's close() sends no DELETE; ending the session explicitly keeps the upstream from piling them up.
async function closeSession(client: Client): Promise<void> {
  const transport = client.transport;
  if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => {});
  await client.close();
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

function printTable(results: Result[]): void {
  const rows = [
    [
      "path",
      "sessions",
      "calls/s",
      "p50 ms",
      "p99 ms",
      "vs direct (calls/s)",
      "added p50 / p99 ms",
      "gateway CPU/call µs",
      "upstream CPU/call µs",
    ],
  ];
  for (const result of results) {
    const direct = results.find((other) => other.target === "direct" && other.sessions === result.sessions);
    const rate = result.calls / result.seconds;
    const directRate = direct === undefined ? Number.NaN : direct.calls / direct.seconds;
    rows.push([
      result.target,
      String(result.sessions),
      rate.toFixed(0),
      result.p50.toFixed(2),
      result.p99.toFixed(2),
      `${(rate / directRate).toFixed(2)}x`,
      direct === undefined || direct === result
        ? "-"
        : `${signed(result.p50 - direct.p50)} / ${signed(result.p99 - direct.p99)}`,
      result.target === "direct" ? "-" : result.gatewayCpuUs.toFixed(0),
      result.upstreamCpuUs.toFixed(0),
    ]);
  }
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  console.log(`\n${measureSeconds}s measured after ${warmupSeconds}s warm-up, echo on server-everything\n`);
  console.log(line(rows[0] ?? []));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows.slice(1)) console.log(line(row));
}

function signed(value: number): string {
  return `${value >= 0 ? "+" : ""}${value.toFixed(2)}`;
}

function freePort(): Promise<number> {
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

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not become healthy at ${url}`);
}

function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: (output: string) => boolean,
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (output.length < 65_536) output += chunk.toString();
      if (ready(output)) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}): ${output}`)));
  });
}

function runToEnd(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

try {
  await main();
} finally {
  // SIGTERM lets the gateway shut down cleanly (and write a profile when run with --cpu-prof).
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}
