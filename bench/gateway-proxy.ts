// Throughput and latency of MCP `echo` calls, direct to an upstream and through the Toolgate gateway
// (each a separate process, as deployed), for 1 and 16 SDK client sessions; also through the tenant URL
// `/<tenant>/mcp`, which adds a loopback hop to the per-server URL. Two upstreams: server-everything
// (the SDK's reference server) and a minimal raw-HTTP echo server (bench/support/raw-echo-upstream.ts),
// so the gateway's own cost is not hidden behind a slow upstream.
// Needs Postgres and Redis (DATABASE_URL, REDIS_URL). Run from the repo root:
//   node --import tsx bench/gateway-proxy.ts
// Settings: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_UPSTREAMS (everything,raw),
// BENCH_SESSIONS (1,16), BENCH_PATHS (allow,limited,tenant,floor; "floor" is a pass-through proxy on the
// gateway's HTTP stack with no auth, policy or logging: bench/support/passthrough-proxy.ts),
// BENCH_COMPILED=1 for the compiled gateway (build it first: node apps/gateway/scripts/build.mjs).
// A/B mode compares two gateway variants in one run, alternating arms over BENCH_ROUNDS (5) rounds and
// printing median and range: BENCH_AB=<git ref or path to a built main.mjs> is the B arm (a ref is
// built by bench/support/build-gateway-at.mjs), and/or BENCH_AB_ENV="NAME=value …" adds variables to
// the B arm's environment; BENCH_AB_PATHS (allow) picks from allow, limited, tenant (the floor, when in
// BENCH_PATHS, is measured once per round beside direct).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { gatewayEntry, gatewayNodeArgs } from "./support/bench-processes";
import { isolatingFetch } from "./support/isolating-fetch";

const root = fileURLToPath(new URL("..", import.meta.url));
const everythingEntry = fileURLToPath(
  new URL("./node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url),
);
const measureSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const sessionCounts = (process.env.BENCH_SESSIONS ?? "1,16").split(",").map(Number);
const upstreamKinds = (process.env.BENCH_UPSTREAMS ?? "everything,raw").split(",") as UpstreamKind[];
// An arm started with TOOLGATE_RUN_LOG_WORKER=0 gets a log-worker process of its own on its queue, as
// deployed at scale (docs/deployment.md); its CPU per call is reported beside the gateway's.
// BENCH_PATHS narrows the gateway paths measured, e.g. "allow" (to profile one of them).
const benchPaths = (process.env.BENCH_PATHS ?? "allow,limited,tenant,floor").split(",") as PathKind[];
const abMode = process.env.BENCH_AB !== undefined || process.env.BENCH_AB_ENV !== undefined;

type UpstreamKind = "everything" | "raw";
type PathKind = "allow" | "limited" | "tenant" | "floor";
const PATH_NAMES: Record<PathKind, string> = {
  allow: "gateway (allow)",
  limited: "gateway (allow + rate limit)",
  tenant: "gateway tenant URL (allow)",
  floor: "pass-through proxy (floor)",
};
const UPSTREAM_NAMES: Record<UpstreamKind, string> = { everything: "server-everything", raw: "raw echo" };

type Target = {
  name: string;
  upstream: UpstreamKind;
  url: string;
  headers: Record<string, string>;
  tool?: string;
  /** The processes whose CPU is counted per call (workerPid: the gateway's separate log worker, or 0). */
  gatewayPid: number;
  upstreamPid: number;
  workerPid: number;
};
type Result = {
  target: string;
  upstream: UpstreamKind;
  sessions: number;
  calls: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU time of the gateway, the upstream and the gateway's log-worker process (0 if none) per measured call, in µs. */
  gatewayCpuUs: number;
  upstreamCpuUs: number;
  workerCpuUs: number;
};
type Seed = { token: string; paths: Record<string, string> };
/** workerPid: its log worker's own process, when it runs without the in-process one (else 0). */
type Gateway = { label: string; base: string; pid: number; workerPid: number };
/** `passthrough`: the pass-through proxy in front of this upstream, when the floor is measured. */
type Upstream = {
  kind: UpstreamKind;
  url: string;
  pid: number;
  seed: Seed;
  passthrough?: { url: string; pid: number };
};

// Per-process CPU is steadier than wall-clock figures when other work shares the cores.
const CLOCK_TICKS_PER_SECOND = 100;

const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const upstreams: Upstream[] = [];
  for (const kind of upstreamKinds) upstreams.push(await startUpstream(kind));
  const a = await startGateway(abMode ? "A (this checkout)" : "gateway", gatewayEntry, {});
  if (!abMode) {
    const results: Result[] = [];
    for (const sessions of sessionCounts) {
      for (const upstream of upstreams) {
        for (const target of targetsOf(upstream, a, benchPaths, false)) {
          results.push(await measure(target, sessions));
          console.error(
            `  measured ${target.name} on ${UPSTREAM_NAMES[upstream.kind]}, ${sessions} session(s)`,
          );
        }
      }
    }
    printTable(results);
    return;
  }
  const b = await startGateway(`B (${bLabel()})`, bEntry(), bEnvironment());
  const paths = (process.env.BENCH_AB_PATHS ?? "allow").split(",") as PathKind[];
  const samples: Result[][] = [];
  for (let round = 0; round < rounds; round++) {
    const results: Result[] = [];
    // The arms take turns going first, so a drift in machine load does not favour one of them.
    const arms = round % 2 === 0 ? [a, b] : [b, a];
    for (const sessions of sessionCounts) {
      for (const upstream of upstreams) {
        const direct = directTarget(upstream);
        results.push(await measure(direct, sessions));
        // The floor, once per round like direct: it is the same process for both arms.
        const floor = floorTarget(upstream);
        if (floor !== undefined) results.push(await measure(floor, sessions));
        for (const path of paths) {
          for (const arm of arms) {
            const [target] = targetsOf(upstream, arm, [path], true);
            if (target !== undefined) results.push(await measure(target, sessions));
          }
        }
      }
    }
    samples.push(results);
    console.error(`  round ${round + 1} of ${rounds} done (load ${loadAverage()})`);
  }
  printAbTable(samples, [a, b], paths);
}

function directTarget(upstream: Upstream): Target {
  return {
    name: "direct",
    upstream: upstream.kind,
    url: upstream.url,
    headers: {},
    gatewayPid: 0,
    upstreamPid: upstream.pid,
    workerPid: 0,
  };
}

/** The pass-through proxy in front of the upstream, if it was started; its CPU is counted per call. */
function floorTarget(upstream: Upstream): Target | undefined {
  if (upstream.passthrough === undefined) return undefined;
  const { url, pid } = upstream.passthrough;
  return {
    name: PATH_NAMES.floor,
    upstream: upstream.kind,
    url,
    headers: {},
    gatewayPid: pid,
    upstreamPid: upstream.pid,
    workerPid: 0,
  };
}

function targetsOf(upstream: Upstream, gateway: Gateway, paths: PathKind[], labelled: boolean): Target[] {
  const { seed } = upstream;
  const auth = { Authorization: `Bearer ${seed.token}` };
  const targets: Target[] = labelled ? [] : [directTarget(upstream)];
  for (const path of paths) {
    const name = labelled ? `${PATH_NAMES[path]} ${gateway.label}` : PATH_NAMES[path];
    const common = {
      name,
      upstream: upstream.kind,
      headers: auth,
      gatewayPid: gateway.pid,
      workerPid: gateway.workerPid,
    };
    const upstreamPid = upstream.pid;
    if (path === "allow") targets.push({ ...common, upstreamPid, url: `${gateway.base}${seed.paths.open}` });
    if (path === "limited") {
      targets.push({ ...common, upstreamPid, url: `${gateway.base}${seed.paths.limited}` });
    }
    const floor = path === "floor" ? floorTarget(upstream) : undefined;
    if (floor !== undefined) targets.push(floor);
    // The tenant URL aggregates both servers and reaches echo through the open server's own URL.
    if (path === "tenant") {
      const url = `${gateway.base}${seed.paths.tenant}`;
      targets.push({ ...common, upstreamPid, url, tool: seed.paths.tenantTool });
    }
  }
  return targets;
}

async function startUpstream(kind: UpstreamKind): Promise<Upstream> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/mcp`;
  const child =
    kind === "everything"
      ? await startProcess(
          process.execPath,
          [everythingEntry, "streamableHttp"],
          { PORT: String(port) },
          (out) => out.includes("listening on port"),
        )
      : await startProcess(
          process.execPath,
          ["--import", "tsx", "bench/support/raw-echo-upstream.ts", String(port)],
          {},
          (out) => out.includes("listening on port"),
        );
  children.push(child);
  const seed = JSON.parse(
    await runToEnd(process.execPath, ["--import", "tsx", "apps/gateway/scripts/seed-bench.ts", url]),
  ) as Seed;
  if (!benchPaths.includes("floor")) return { kind, url, pid: child.pid ?? 0, seed };
  const proxyPort = await freePort();
  const proxy = await startProcess(
    process.execPath,
    ["--import", "tsx", "bench/support/passthrough-proxy.ts", String(proxyPort), url],
    {},
    (out) => out.includes("listening on port"),
  );
  children.push(proxy);
  const passthrough = { url: `http://127.0.0.1:${proxyPort}/mcp`, pid: proxy.pid ?? 0 };
  return { kind, url, pid: child.pid ?? 0, seed, passthrough };
}

async function startGateway(
  label: string,
  entry: string[],
  extraEnv: Record<string, string>,
): Promise<Gateway> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test",
    TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
    TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
    LOG_LEVEL: "warn",
    TOOLGATE_RUN_LOG_WORKER: process.env.TOOLGATE_RUN_LOG_WORKER ?? "1",
    // Each gateway's call logs go through a queue of its own, so its own log worker (and CPU) writes them.
    TOOLGATE_NAMESPACE: `bench-${randomBytes(4).toString("hex")}`,
    ...extraEnv,
  };
  const gateway = spawn(process.execPath, [...gatewayNodeArgs, ...entry], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(gateway);
  const worker =
    env.TOOLGATE_RUN_LOG_WORKER === "0"
      ? spawn(process.execPath, logWorkerEntryOf(entry), {
          cwd: root,
          env,
          stdio: ["ignore", "inherit", "inherit"],
        })
      : undefined;
  if (worker !== undefined) children.push(worker);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(`${base}/healthz`);
  return { label, base, pid: gateway.pid ?? 0, workerPid: worker?.pid ?? 0 };
}

/** The log-worker entry built beside a gateway entry (dist/main.mjs → dist/log-worker-main.mjs, or the .ts). */
function logWorkerEntryOf(entry: string[]): string[] {
  const worker = entry.map((arg) => arg.replace(/(^|\/)main\.(mjs|ts)$/, "$1log-worker-main.$2"));
  const file = worker.at(-1) ?? "";
  if (!existsSync(resolve(root, file))) throw new Error(`no log worker beside the gateway: ${file}`);
  return worker;
}

function bLabel(): string {
  const parts = [process.env.BENCH_AB, process.env.BENCH_AB_ENV].filter((part) => part !== undefined);
  return parts.join(", ");
}

// The B arm's entry: a built main.mjs as given, a git ref built by build-gateway-at.mjs, or A's own.
function bEntry(): string[] {
  const spec = process.env.BENCH_AB;
  if (spec === undefined) return gatewayEntry;
  if (spec.endsWith(".mjs") || spec.endsWith(".js")) {
    const path = resolve(root, spec);
    if (!existsSync(path)) throw new Error(`BENCH_AB: ${path} does not exist`);
    return ["--enable-source-maps", path];
  }
  const built = execFileSync(process.execPath, ["bench/support/build-gateway-at.mjs", spec], { cwd: root });
  return ["--enable-source-maps", built.toString().trim()];
}

function bEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of (process.env.BENCH_AB_ENV ?? "").split(" ")) {
    const at = pair.indexOf("=");
    if (at > 0) env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
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
  const cpuBefore = {
    gateway: cpuSeconds(target.gatewayPid),
    upstream: cpuSeconds(target.upstreamPid),
    worker: cpuSeconds(target.workerPid),
  };
  const started = performance.now();
  await run(measureSeconds, latencies);
  const seconds = (performance.now() - started) / 1000;
  const perCall = (pid: number, before: number) => ((cpuSeconds(pid) - before) / latencies.length) * 1e6;
  await Promise.all(clients.map((client) => closeSession(client)));
  latencies.sort((a, b) => a - b);
  return {
    target: target.name,
    upstream: target.upstream,
    sessions,
    calls: latencies.length,
    seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    gatewayCpuUs: perCall(target.gatewayPid, cpuBefore.gateway),
    upstreamCpuUs: perCall(target.upstreamPid, cpuBefore.upstream),
    workerCpuUs: perCall(target.workerPid, cpuBefore.worker),
  };
}

function cpuSeconds(pid: number): number {
  if (pid === 0) return 0;
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
      "upstream",
      "path",
      "sessions",
      "calls/s",
      "p50 ms",
      "p99 ms",
      "vs direct (calls/s)",
      "added p50 / p99 ms",
      "gateway CPU/call µs",
      "log-worker process CPU/call µs",
      "upstream CPU/call µs",
    ],
  ];
  for (const result of results) {
    const direct = directOf(results, result);
    const rate = result.calls / result.seconds;
    const directRate = direct === undefined ? Number.NaN : direct.calls / direct.seconds;
    rows.push([
      UPSTREAM_NAMES[result.upstream],
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
      result.workerCpuUs === 0 ? "-" : result.workerCpuUs.toFixed(0),
      result.upstreamCpuUs.toFixed(0),
    ]);
  }
  console.log(`\n${measureSeconds}s measured after ${warmupSeconds}s warm-up, echo; load ${loadAverage()}\n`);
  printRows(rows);
}

function directOf(results: Result[], result: Result): Result | undefined {
  return results.find(
    (other) =>
      other.target === "direct" && other.sessions === result.sessions && other.upstream === result.upstream,
  );
}

/** Per arm: median [min–max] over the rounds, each round's figures taken against that round's direct run. */
function printAbTable(samples: Result[][], arms: Gateway[], paths: PathKind[]): void {
  const rows = [
    [
      "upstream",
      "path",
      "sessions",
      "calls/s",
      "vs direct (calls/s)",
      "added p50 ms",
      "added p99 ms",
      "gateway CPU/call µs",
      "log-worker process CPU/call µs",
    ],
  ];
  const cpuMedians = new Map<string, number>();
  for (const sessions of sessionCounts) {
    for (const upstream of upstreamKinds) {
      const names = [
        "direct",
        PATH_NAMES.floor,
        ...paths.flatMap((path) => arms.map((arm) => `${PATH_NAMES[path]} ${arm.label}`)),
      ];
      for (const name of names) {
        if (!samples.some((results) => results.some((r) => r.target === name))) continue;
        const figures = samples.flatMap((results) => {
          const result = results.find(
            (r) => r.target === name && r.sessions === sessions && r.upstream === upstream,
          );
          const direct = result === undefined ? undefined : directOf(results, result);
          if (result === undefined || direct === undefined) return [];
          const rate = result.calls / result.seconds;
          return [
            {
              rate,
              ratio: rate / (direct.calls / direct.seconds),
              p50: result.p50 - direct.p50,
              p99: result.p99 - direct.p99,
              cpu: result.gatewayCpuUs,
              workerCpu: result.workerCpuUs,
            },
          ];
        });
        const isDirect = name === "direct";
        const column = (pick: (figure: (typeof figures)[number]) => number, digits: number) =>
          spread(figures.map(pick), digits);
        if (!isDirect) cpuMedians.set(`${upstream}|${sessions}|${name}`, median(figures.map((f) => f.cpu)));
        rows.push([
          UPSTREAM_NAMES[upstream],
          name,
          String(sessions),
          column((f) => f.rate, 0),
          isDirect ? "1.00x" : `${column((f) => f.ratio, 2)}x`,
          isDirect ? "-" : column((f) => f.p50, 2),
          isDirect ? "-" : column((f) => f.p99, 2),
          isDirect ? "-" : column((f) => f.cpu, 0),
          figures.every((f) => f.workerCpu === 0) ? "-" : column((f) => f.workerCpu, 0),
        ]);
      }
    }
  }
  console.log(
    `\nA/B: ${rounds} rounds, arms alternating; ${measureSeconds}s measured after ${warmupSeconds}s warm-up each; median [min–max]; load ${loadAverage()}`,
  );
  console.log(`A = ${arms[0]?.label}, B = ${arms[1]?.label}\n`);
  printRows(rows);
  console.log("");
  for (const sessions of sessionCounts) {
    for (const upstream of upstreamKinds) {
      for (const path of paths) {
        const [cpuA, cpuB] = arms.map(
          (arm) => cpuMedians.get(`${upstream}|${sessions}|${PATH_NAMES[path]} ${arm.label}`) ?? Number.NaN,
        );
        if (cpuA === undefined || cpuB === undefined) continue;
        const change = ((cpuA - cpuB) / cpuB) * 100;
        console.log(
          `${UPSTREAM_NAMES[upstream]}, ${PATH_NAMES[path]}, ${sessions} session(s): gateway CPU/call A ${cpuA.toFixed(0)} µs vs B ${cpuB.toFixed(0)} µs (${signed(change)}%)`,
        );
      }
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function spread(values: number[], digits: number): string {
  if (values.length === 0) return "-";
  return `${median(values).toFixed(digits)} [${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}]`;
}

function printRows(rows: string[][]): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
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
