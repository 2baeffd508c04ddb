// Policy evaluation benchmark: prints p50/p99 per evaluateCall for policies of 1 to 1,000
// rules, and compile time for 1,000 rules. Not a test: it never fails on a number.
// Run: cd /work/main && node_modules/.bin/tsx bench/policy-eval.ts
import {
  type CallContext,
  compilePolicy,
  evaluateCall,
  type Policy,
  type PolicyRule,
  parsePolicy,
} from "@toolgate/policy-core";

const RULE_COUNTS = [1, 10, 100, 1000];
const BATCH = 1000;
const SAMPLES = 2000;
const SINGLE_CALLS = 200_000;

/** A policy of `count` rules: nine in ten exact names with limits or conditions, one in ten globs. */
function buildPolicy(count: number): Policy {
  const tools: Record<string, PolicyRule> = {};
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      tools[`group${i}_*`] = { action: "deny" };
    } else if (i % 3 === 0) {
      tools[`Tool${i}`] = { limits: [{ counter: `c${i}`, window: "minute", max: 30, scope: "grant" }] };
    } else if (i % 3 === 1) {
      tools[`Tool${i}`] = {
        rate_limit: "10/minute",
        deny_if: [{ path: "args.action", op: "in", value: ["delete", "reset"] }],
        require: [{ path: "args.vm_name", op: "regex", value: "^test-" }],
      };
    } else {
      tools[`Tool${i}`] = {};
    }
  }
  const parsed = parsePolicy({
    version: "1",
    default: "deny",
    hide: ["Secret*"],
    all_tools: { limits: [{ counter: "all", window: "second", max: 100, scope: "tenant" }] },
    tools,
  });
  if (!parsed.ok) throw new Error(`bench policy invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.policy;
}

/** Calls hitting exact rules, globs, hidden names and default deny, in rotation. */
function buildCalls(count: number): CallContext[] {
  const names = [
    `Tool${count - 1}`,
    "Tool0",
    `Tool${Math.floor(count / 2)}`,
    `group${count - 1}_x`,
    "SecretX",
    "Unknown",
  ];
  for (let i = 0; i < 58; i++) names.push(`Tool${(i * 7919) % count}`);
  return names.map((tool, i) => ({
    tool,
    args: { action: i % 5 === 0 ? "delete" : "start", vm_name: "test-1" },
    tenantId: "tnt_bench",
    serverId: "srv_bench",
    grantId: "grt_bench",
    sessionId: "ses_bench",
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

let sink = 0;

function batchedMicros(run: (i: number) => void): { p50: number; p99: number } {
  for (let i = 0; i < BATCH * 50; i++) run(i);
  const samples: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) run(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / BATCH);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

function singleMicros(run: (i: number) => void): { p50: number; p99: number } {
  for (let i = 0; i < 50_000; i++) run(i);
  const samples = new Float64Array(SINGLE_CALLS);
  for (let i = 0; i < SINGLE_CALLS; i++) {
    const start = process.hrtime.bigint();
    run(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  samples.sort();
  const sorted = Array.from(samples);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function timerOverheadMicros(): number {
  const samples: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const start = process.hrtime.bigint();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

const fmt = (n: number) => n.toFixed(3);
const rows: string[][] = [];
for (const count of RULE_COUNTS) {
  const policy = compilePolicy(buildPolicy(count));
  const calls = buildCalls(count);
  const evaluate = (i: number) => {
    const call = calls[i % calls.length];
    if (call) sink += evaluateCall(policy, call).outcome.length;
  };
  // A name never seen before pays for canonicalisation and the glob scan (then it is cached).
  let fresh = 0;
  const evaluateNewName = () => {
    fresh++;
    sink += evaluateCall(policy, { ...(calls[0] as CallContext), tool: `New${fresh}` }).outcome.length;
  };
  const batched = batchedMicros(evaluate);
  const single = singleMicros(evaluate);
  const cold = batchedMicros(evaluateNewName);
  rows.push([
    String(count),
    fmt(batched.p50),
    fmt(batched.p99),
    fmt(single.p50),
    fmt(single.p99),
    fmt(cold.p50),
    fmt(cold.p99),
  ]);
}

const big = buildPolicy(1000);
const compileTimes: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = process.hrtime.bigint();
  sink += compilePolicy(big).globs.length;
  compileTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
compileTimes.sort((a, b) => a - b);
const parseTimes: number[] = [];
const raw: unknown = JSON.parse(JSON.stringify(big));
for (let i = 0; i < 50; i++) {
  const start = process.hrtime.bigint();
  sink += parsePolicy(raw).ok ? 1 : 0;
  parseTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
parseTimes.sort((a, b) => a - b);

const header = [
  "rules",
  "batched p50 µs",
  "batched p99 µs",
  "per-call p50 µs",
  "per-call p99 µs",
  "new-name p50 µs",
  "new-name p99 µs",
];
console.log(
  `Node ${process.version}; batched = mean of ${BATCH} calls per sample, ${SAMPLES} samples; per-call = hrtime around each of ${SINGLE_CALLS} calls (timer overhead ≈ ${fmt(timerOverheadMicros())} µs included)`,
);
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log("");
console.log("| 1,000 rules | p50 ms | p99 ms |");
console.log("|---|---|---|");
console.log(
  `| compilePolicy | ${fmt(percentile(compileTimes, 50))} | ${fmt(percentile(compileTimes, 99))} |`,
);
console.log(
  `| parsePolicy (validation, for reference) | ${fmt(percentile(parseTimes, 50))} | ${fmt(percentile(parseTimes, 99))} |`,
);
if (sink === -1) console.log(sink);
