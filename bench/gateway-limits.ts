// Cost of a rate-limit decision in the gateway, next to a call without limits, in one run: the
// policy evaluation plus the RedisRateLimiter (one EVALSHA on the real Redis, production connection
// settings). Not a test: it prints a table and never fails on a number.
// Needs Redis (REDIS_URL, default redis://127.0.0.1:6379). Run from the repo root:
//   node --import tsx bench/gateway-limits.ts      (BENCH_SAMPLES=20000 to change the sample count)
// Then the throughput of limit decisions from this one process with BENCH_CONCURRENCY (64) in flight for
// BENCH_THROUGHPUT_SECONDS (5), with the Redis server's CPU per decision (from /proc: Redis on this machine),
// which bounds one Redis (one core) at 1 s / that CPU.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type CallContext, compilePolicy, evaluateCall, parsePolicy } from "@toolgate/policy-core";
import { createLogger } from "../apps/gateway/src/logger";
import { createLimiterRedis } from "../apps/gateway/src/rate-limit/create-limiter-redis";
import { RedisRateLimiter } from "../apps/gateway/src/rate-limit/redis-rate-limiter";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20_000);
const WARMUP = 2_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 5);

const parsed = parsePolicy({
  version: "1",
  default: "deny",
  all_tools: { limits: [{ counter: "everything", window: "minute", max: 1_000_000_000, scope: "tenant" }] },
  tools: {
    ListVms: {},
    MountIso: {
      limits: [{ counter: "mountiso_rate", window: "minute", max: 1_000_000_000, scope: "grant" }],
    },
    GetVmState: {
      limits: [
        { counter: "reads", window: "minute", max: 1_000_000_000, scope: "grant" },
        { counter: "burst", window: "second", max: 1_000_000_000, scope: "session" },
      ],
    },
    StopVm: { limits: [{ counter: "stops", window: "hour", max: 1, scope: "grant" }] },
  },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const policy = compilePolicy(parsed.policy);
// A fresh tenant id per run, so counters from an earlier run never interfere.
const base = {
  tenantId: `bench-${randomUUID()}`,
  serverId: "srv_bench",
  grantId: "grt_bench",
  sessionId: "s1",
};
const call = (tool: string): CallContext => ({ ...base, tool, args: { vm_name: "alpine-ci" } });

type Row = { path: string; redisTrips: string; p50: number; p99: number; mean: number };

async function measure(
  path: string,
  redisTrips: string,
  decide: () => Promise<unknown> | unknown,
): Promise<Row> {
  for (let i = 0; i < WARMUP; i++) await decide();
  const samples = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    const started = process.hrtime.bigint();
    await decide();
    samples[i] = Number(process.hrtime.bigint() - started) / 1000;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(SAMPLES - 1, Math.floor(q * SAMPLES))] ?? 0;
  const mean = samples.reduce((sum, value) => sum + value, 0) / SAMPLES;
  return { path, redisTrips, p50: at(0.5), p99: at(0.99), mean };
}

async function main(): Promise<void> {
  const logger = createLogger("silent");
  const redis = await createLimiterRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", logger);
  const limiter = new RedisRateLimiter(redis, { logger });
  const decideWithLimits = async (tool: string) => {
    const decision = evaluateCall(policy, call(tool));
    if (decision.outcome !== "check_limits") throw new Error(`${tool}: ${decision.outcome}`);
    return limiter.reserve(decision.limits, Date.now());
  };
  // Exhaust StopVm's 1/hour once, so its later decisions come from the gateway's memory.
  await decideWithLimits("StopVm");
  await decideWithLimits("StopVm");

  const rows: Row[] = [];
  rows.push(await measure("call without limits (ListVms)", "0", () => evaluateCall(policy, call("ListVms"))));
  rows.push(
    await measure("limit decision: 2 limits (MountIso + all_tools)", "1", () => decideWithLimits("MountIso")),
  );
  rows.push(
    await measure("limit decision: 3 limits (2 rule + all_tools)", "1", () => decideWithLimits("GetVmState")),
  );
  rows.push(
    await measure("denied by an exhausted limit (known locally)", "0", () => decideWithLimits("StopVm")),
  );
  const throughput = await measureThroughput(redis, () => decideWithLimits("GetVmState"));
  redis.disconnect();

  console.log(`\nGateway limit decisions, ${SAMPLES} sequential samples each (µs)\n`);
  console.log("| path | Redis round trips | p50 µs | p99 µs | mean µs |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.path} | ${row.redisTrips} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.mean.toFixed(1)} |`,
    );
  }
  console.log(
    `\nThroughput: limit decisions with 3 limits (GetVmState), ${CONCURRENCY} in flight from one process, ${THROUGHPUT_SECONDS} s; load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}\n`,
  );
  console.log(
    "| decisions/s (this process) | Redis CPU per decision µs | one Redis core's ceiling (1 s / CPU) |",
  );
  console.log("|---|---|---|");
  console.log(
    `| ${throughput.perSecond.toFixed(0)} | ${throughput.redisCpuUs.toFixed(1)} | ${(1e6 / throughput.redisCpuUs).toFixed(0)}/s |`,
  );
}

/** Decisions per second with CONCURRENCY in flight, and the Redis server's CPU time per decision. */
async function measureThroughput(
  redis: Awaited<ReturnType<typeof createLimiterRedis>>,
  decide: () => Promise<unknown>,
): Promise<{ perSecond: number; redisCpuUs: number }> {
  const info = String(await redis.info("server"));
  const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  const redisCpu = () => {
    // /proc/<pid>/stat: utime and stime (clock ticks of 10 ms) are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  let done = 0;
  const run = async (seconds: number) => {
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          await decide();
          done += 1;
        }
      }),
    );
  };
  await run(1);
  done = 0;
  const cpuBefore = redisCpu();
  const started = performance.now();
  await run(THROUGHPUT_SECONDS);
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: done / seconds, redisCpuUs: ((redisCpu() - cpuBefore) / done) * 1e6 };
}

await main();
