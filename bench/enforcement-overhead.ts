// CPU cost per tools/call of what the gateway does to forward exactly what it evaluated and to inspect
// every server→client message, against the previous per-call work (parse the raw bytes once and
// forward them; read the answer only to learn whether the call failed). Alternating rounds in one
// process, CPU time per call. Not a test: it never fails on a number.
// Run from the repo root: node --import tsx bench/enforcement-overhead.ts   (BENCH_CALLS=200000)

import { PASS_THROUGH } from "../apps/gateway/src/enforcement/server-message-filter";
import { checkContentType } from "../apps/gateway/src/jsonrpc/content-type";
import { parseStrictJson } from "../apps/gateway/src/jsonrpc/strict-json";
import { isQuarantined, type ServerPins } from "../apps/gateway/src/pinning/server-pins";
import { inspectMessage } from "../apps/gateway/src/upstream/inspect-message";
import type { RelayOutcome } from "../apps/gateway/src/upstream/relay-response";
import { sseData } from "../apps/gateway/src/upstream/sse-event-splitter";

const CALLS = Number(process.env.BENCH_CALLS ?? 200_000);
const ROUNDS = 5;

// What an MCP SDK client sends for `echo`, and the SSE event server-everything answers with.
const body = Buffer.from(
  JSON.stringify({
    method: "tools/call",
    params: { name: "echo", arguments: { message: "hello through toolgate" }, _meta: { progressToken: 1 } },
    jsonrpc: "2.0",
    id: 1,
  }),
);
const event = `event: message\nid: 1_0\ndata: ${JSON.stringify({
  result: { content: [{ type: "text", text: "Echo: hello through toolgate" }] },
  jsonrpc: "2.0",
  id: 1,
})}`;
const pins: ServerPins = {
  tenantId: "ten_1",
  serverId: "srv_1",
  tools: new Map(
    Array.from({ length: 20 }, (_, index) => [
      `Tool${index}`,
      {
        id: `tool_${index}`,
        hash: "h",
        state: index === 7 ? ("quarantined" as const) : ("pinned" as const),
        pendingHash: null,
      },
    ]),
  ),
  unparseable: new Set(),
};

let sink = 0;

/** Before: the raw bytes parsed once and forwarded; the answer parsed to see if it failed; pins by raw name. */
function previous(): void {
  const message = JSON.parse(body.toString("utf8")) as { id: number };
  const data = sseData(event) ?? "";
  if (data.includes('"id"')) {
    const answer = JSON.parse(data) as { id: number; error?: unknown };
    if (answer.id === message.id && answer.error === undefined) sink++;
  }
  if (pins.tools.get("echo")?.state === "quarantined") sink--;
}

/** Now: Content-Type checked, strict parse (UTF-8, depth, duplicate keys), re-serialised; answer inspected. */
function current(): void {
  checkContentType("application/json");
  const message = parseStrictJson(body) as { id: number };
  const forwarded = Buffer.from(JSON.stringify(message), "utf8");
  const outcome: RelayOutcome = { failed: false, failure: null, upstreamSessionId: undefined };
  const data = sseData(event) ?? "";
  const checked = inspectMessage(data, { id: message.id, watchCall: true, filter: PASS_THROUGH }, outcome);
  if (checked.answered && !outcome.failed) sink += forwarded.length > 0 ? 1 : 0;
  if (isQuarantined(pins, "echo")) sink--;
}

function cpuMicros(run: () => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CALLS;
}

cpuMicros(previous);
cpuMicros(current);
const rows: { round: number; previous: number; current: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  rows.push({ round, previous: cpuMicros(previous), current: cpuMicros(current) });
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `\n${CALLS} calls per round, CPU µs per tools/call (request ${body.length} B, answer event ${event.length} B)\n`,
);
console.log("| round | previous µs | now µs | added µs |");
console.log("|-------|-------------|--------|----------|");
for (const row of rows) {
  console.log(
    `| ${row.round} | ${row.previous.toFixed(2)} | ${row.current.toFixed(2)} | ${(row.current - row.previous).toFixed(2)} |`,
  );
}
const added = median(rows.map((row) => row.current - row.previous));
console.log(
  `| median | ${median(rows.map((row) => row.previous)).toFixed(2)} | ${median(rows.map((row) => row.current)).toFixed(2)} | ${added.toFixed(2)} |`,
);
if (sink === Number.MIN_SAFE_INTEGER) console.log(sink);
