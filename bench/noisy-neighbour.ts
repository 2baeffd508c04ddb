// Noisy neighbour: a quiet tenant calls echo at a steady rate while another tenant sends 10x its rate
// limit (100 calls/s against 600/minute) and fires 1,000 calls at once (500 on an upstream that never
// answers, 500 waiting for approval), which the gateway holds open or refuses. Reports the quiet tenant's
// latency alone vs with the noise, in alternating rounds, in two phases:
// - ramp-up: from the moment the noisy tenant fires until every one of its 1,000 calls is answered
//   (refused) or none was answered for 1 s (the rest are held open) — the burst of connections;
// - steady: the next BENCH_ROUND_SECONDS with the held calls open and the flood running.
// It also reports the CPU each process used in each window (% of one core; the machine has 2 cores and
// the noisy client runs on them too) and the whole machine's (other users included).
// The noisy tenant runs in a process of its own (bench/support/noisy-tenant.ts), as another client machine
// would; it connects before the quiet measurement starts, so its start-up is not measured.
// Goal: quiet p99 +<20%. Needs Postgres and Redis. Run from the repo root:
//   node --import tsx bench/noisy-neighbour.ts   (BENCH_ROUND_SECONDS=20, BENCH_ROUNDS=2, BENCH_QUIET_RATE=20)
// Profile the gateway: BENCH_GATEWAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  type CallSample,
  closeClient,
  connect,
  cpuSeconds,
  loopSamples,
  machineBusySeconds,
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
const warmUpMs = 1_000; // quiet load runs this long before a window starts

/** One measured window of a round. */
type Window = {
  round: number;
  phase: "alone" | "ramp-up" | "steady";
  seconds: number;
  samples: CallSample[];
  gatewayLoopMax: number;
  cpu: CpuShares;
  noisyAnswers?: Record<string, number>;
};
/** CPU used during a window, in % of one core. */
type CpuShares = { gateway: number; noisy: number | undefined; bench: number; machine: number };

const loadAtStart = machineLoad();
const stack = await startStack({ BENCH_PROBE_MS: "250" });
try {
  const windows: Window[] = [];
  for (let round = 0; round < rounds; round++) {
    windows.push(await measureAlone(stack, 2 * round + 1));
    windows.push(...(await measureNoisy(stack, 2 * round + 2)));
  }
  printTable(
    `Noisy neighbour: quiet tenant at ${quietRate} calls/s (4 sessions); noisy tenant at ${noisyRate}/s against a 10/s limit plus ${heldCalls} calls fired at once; ${roundSeconds}s windows, alternating. CPU in % of one core (2 cores).\n${loadAtStart} at the start, ${machineLoad()} at the end.`,
    [
      [
        "round",
        "window",
        "s",
        "quiet calls",
        "failed",
        "p50 ms",
        "p99 ms",
        "max ms",
        "gw loop p99 ms (max of 250ms)",
        "gateway CPU",
        "noisy client CPU",
        "bench CPU",
        "machine CPU",
        "noisy tenant's answers",
      ],
      ...windows.map(row),
      ...summary(windows),
    ],
  );
} finally {
  await stack.stop();
}

function row(window: Window): string[] {
  const latencies = window.samples.map((sample) => sample.ms);
  const pct = (value: number | undefined) => (value === undefined ? "-" : `${value.toFixed(0)}%`);
  return [
    String(window.round),
    window.phase,
    window.seconds.toFixed(1),
    String(window.samples.length),
    String(window.samples.filter((sample) => !sample.ok).length),
    percentile(latencies, 0.5).toFixed(2),
    percentile(latencies, 0.99).toFixed(2),
    Math.max(...latencies).toFixed(1),
    window.gatewayLoopMax.toFixed(1),
    pct(window.cpu.gateway),
    pct(window.cpu.noisy),
    pct(window.cpu.bench),
    pct(window.cpu.machine),
    Object.entries(window.noisyAnswers ?? {})
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ") || "-",
  ];
}

/** Each noisy phase's quiet p99 (all its windows' calls together) against the alone windows'. */
function summary(windows: Window[]): string[][] {
  const p99Of = (phase: Window["phase"]) =>
    percentile(
      windows.filter((window) => window.phase === phase).flatMap((window) => window.samples.map((s) => s.ms)),
      0.99,
    );
  const alone = p99Of("alone");
  return (["ramp-up", "steady"] as const).map((phase) => {
    const noisy = p99Of(phase);
    return [
      `${phase} vs alone`,
      "quiet p99",
      "-",
      "-",
      "-",
      "-",
      `${noisy.toFixed(2)} vs ${alone.toFixed(2)}: ${((noisy / alone - 1) * 100).toFixed(1)}%`,
      "-",
      "-",
      "-",
      "-",
      "-",
      "-",
      "goal +<20%",
    ];
  });
}

async function measureAlone(stack: Stack, round: number): Promise<Window> {
  const quiet = await connectQuiet(stack);
  const load = pacedLoad(quiet, quietRate);
  await sleep(warmUpMs);
  const window = startWindow(stack, undefined);
  await sleep(roundSeconds * 1000);
  const ended = window.end();
  await load.stop();
  await Promise.all(quiet.map(closeClient));
  return { round, phase: "alone", ...ended, samples: within(load.samples, ended) };
}

async function measureNoisy(stack: Stack, round: number): Promise<Window[]> {
  const quiet = await connectQuiet(stack);
  const noise = await startNoise(stack);
  const load = pacedLoad(quiet, quietRate);
  await sleep(warmUpMs);
  const ramp = startWindow(stack, noise.pid);
  const answeredInRamp = await noise.go();
  const rampEnded = ramp.end();
  const steady = startWindow(stack, noise.pid);
  await sleep(roundSeconds * 1000);
  const steadyEnded = steady.end();
  await load.stop();
  const noisyAnswers = await noise.stop();
  await Promise.all(quiet.map(closeClient));
  return [
    {
      round,
      phase: "ramp-up",
      ...rampEnded,
      samples: within(load.samples, rampEnded),
      noisyAnswers: { "held calls answered": answeredInRamp },
    },
    { round, phase: "steady", ...steadyEnded, samples: within(load.samples, steadyEnded), noisyAnswers },
  ];
}

type Ended = { fromMs: number; toMs: number; seconds: number; gatewayLoopMax: number; cpu: CpuShares };

/** Starts measuring a window: wall time and the CPU of the gateway, the noisy client, this process, the machine. */
function startWindow(stack: Stack, noisyPid: number | undefined): { end(): Ended } {
  const fromMs = Date.now();
  const startedAt = performance.now();
  const gateway = cpuSeconds(stack.gatewayPid);
  const noisy = noisyPid === undefined ? undefined : cpuSeconds(noisyPid);
  const bench = process.cpuUsage();
  const machine = machineBusySeconds();
  return {
    end() {
      const seconds = (performance.now() - startedAt) / 1000;
      const share = (used: number) => (100 * used) / seconds;
      const benchUsed = process.cpuUsage(bench);
      const toMs = Date.now();
      // The probe writes a sample every 250 ms: the one written just after the window still covers it.
      const loop = loopSamples(stack.loopFile, fromMs, toMs + 250);
      return {
        fromMs,
        toMs,
        seconds,
        gatewayLoopMax: Math.max(0, ...loop),
        cpu: {
          gateway: share(cpuSeconds(stack.gatewayPid) - gateway),
          noisy:
            noisyPid === undefined || noisy === undefined ? undefined : share(cpuSeconds(noisyPid) - noisy),
          bench: share((benchUsed.user + benchUsed.system) / 1e6),
          machine: share(machineBusySeconds() - machine),
        },
      };
    },
  };
}

/** The quiet calls that started inside the window. */
function within(samples: CallSample[], { fromMs, toMs }: { fromMs: number; toMs: number }): CallSample[] {
  return samples.filter((sample) => {
    const startedAt = sample.at - sample.ms;
    return startedAt >= fromMs && startedAt < toMs;
  });
}

function connectQuiet(stack: Stack) {
  const url = `${stack.gatewayBase}${stack.seed.quiet.paths.open}`;
  return Promise.all(Array.from({ length: 4 }, () => connect(url, stack.seed.quiet.token)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The noisy tenant, in a process of its own, connected and waiting for "go". */
async function startNoise(stack: Stack): Promise<{
  pid: number;
  /** Fires the noise; resolves at the end of the ramp-up with how many held calls were answered. */
  go(): Promise<number>;
  stop(): Promise<Record<string, number>>;
}> {
  const { token, paths } = stack.seed.noisy;
  const noisyArgs = [
    process.execPath,
    "--import",
    "tsx",
    fileURLToPath(new URL("./support/noisy-tenant.ts", import.meta.url)),
    stack.gatewayBase,
    token,
    JSON.stringify(paths),
    String(noisyRate),
    String(heldCalls),
  ];
  // BENCH_NOISY_CPU=N runs the noisy client and the noisy tenant's MCP server on core N only (taskset), as
  // if on machines of their own: their CPU then competes with the gateway's only for what they share
  // (Postgres, Redis, the kernel). Start the bench itself on the other core (`taskset -c 0 node …`) so
  // the gateway, the quiet client and the quiet tenant's server keep off core N.
  const pinned = process.env.BENCH_NOISY_CPU;
  const [command = "", ...args] = pinned === undefined ? noisyArgs : ["taskset", "-c", pinned, ...noisyArgs];
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  await nextLine(lines, child); // "connected"
  return {
    pid: child.pid ?? 0,
    async go() {
      const steady = nextLine(lines, child);
      child.stdin.write("go\n");
      return Number((await steady).split(" ")[1]);
    },
    async stop() {
      const answer = nextLine(lines, child);
      child.stdin.write("stop\n");
      return JSON.parse(await answer) as Record<string, number>;
    },
  };
}

function nextLine(lines: Interface, child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the noisy tenant exited (${code})`)));
  });
}
