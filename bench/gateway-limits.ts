// Cost of a rate-limit decision in the gateway, next to a call without limits, in one run: the
// policy evaluation plus the RedisRateLimiter (one EVALSHA on the real Redis, production connection
// settings). Not a test: it prints a table and never fails on a number.
// Needs Redis (REDIS_URL, default redis://127.0.0.1:6379). Run from the repo root:
//   node --import tsx bench/gateway-limits.ts      (BENCH_SAMPLES=20000 to change the sample count)
import { randomUUID } from "node:crypto";
import { type CallContext, compilePolicy, evaluateCall, parsePolicy } from "@toolgate/policy-core";
import { createLogger } from "../apps/gateway/src/logger";
import { createLimiterRedis } from "../apps/gateway/src/rate-limit/create-limiter-redis";
import { RedisRateLimiter } from "../apps/gateway/src/rate-limit/redis-rate-limiter";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20_000);
const WARMUP = 2_000;

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
  redis.disconnect();

  console.log(`\nGateway limit decisions, ${SAMPLES} sequential samples each (µs)\n`);
  console.log("| path | Redis round trips | p50 µs | p99 µs | mean µs |");
  console.log("|---|---|---|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.path} | ${row.redisTrips} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.mean.toFixed(1)} |`,
    );
  }
}

await main();
