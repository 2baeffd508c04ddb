// The noisy tenant of bench/noisy-neighbour.ts, in a process of its own (as another client machine would
// be), so its 1,000 held requests and its flood do not slow the quiet tenant's client. Paced calls over
// its limit, plus held calls (hung upstream, approvals) kept open. The flood is raw JSON-RPC over
// keep-alive sockets in 4 MCP sessions: the gateway sees what SDK clients send, but this load generator,
// which shares the machine's 2 cores with the gateway, spends a fifth of the CPU SDK clients did.
// Protocol (lines): prints "connected" once its sessions are open; on "go" on stdin it fires the held calls
// and starts the flood, then prints "steady <answered>" once the ramp-up is over: every held request has
// been answered (refused), or some were and then none for SETTLE_MS (the rest are held open). On a
// further line it stops and prints what it was answered, as JSON. Usage (from bench/noisy-neighbour.ts):
//   node --import tsx bench/support/noisy-tenant.ts <gateway-base> <token> <paths-json> <rate> <held>
import { createInterface } from "node:readline";
import { RawMcpCaller } from "./raw-mcp-caller";

const SETTLE_MS = 1_000;

const [gatewayBase, token, pathsJson, rateText, heldText] = process.argv.slice(2);
if (gatewayBase === undefined || token === undefined || pathsJson === undefined) {
  throw new Error("usage: noisy-tenant.ts <gateway-base> <token> <paths-json> <rate> <held>");
}
const paths = JSON.parse(pathsJson) as { limited: string; hung: string; held: string };
const rate = Number(rateText);
const heldCalls = Number(heldText);

const answers: Record<string, number> = {};
const count = (kind: string) => {
  answers[kind] = (answers[kind] ?? 0) + 1;
};
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise<void>((resolve) => lines.once("line", () => resolve()));

// Sessions first: once the held calls fill the tenant's in-flight cap, even initialize is refused (429).
const caller = new RawMcpCaller(gatewayBase, 16);
const sessions = await Promise.all(Array.from({ length: 4 }, () => caller.openSession(paths.limited, token)));
process.stdout.write("connected\n");
await nextLine();

const abort = new AbortController();
let answered = 0;
let lastAnswerAt = performance.now();
const held = Array.from({ length: heldCalls }, (_, i) =>
  fetch(`${gatewayBase}${i % 2 === 0 ? paths.hung : paths.held}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: i,
      method: "tools/call",
      params: { name: "echo", arguments: { i } },
    }),
    signal: abort.signal,
  }).then(
    async (response) => {
      const text = await response.text();
      answered += 1;
      lastAnswerAt = performance.now();
      count(
        response.status === 200
          ? text.includes("waiting for approval")
            ? "held-cap denial"
            : "200"
          : `HTTP ${response.status}`,
      );
    },
    () => {},
  ),
);
const flood = pacedFlood(sessions, rate);
// 1,000 is far over the tenant's caps (64 in flight, 100 held approvals), so refusals are certain: the ramp
// lasts at least until the first one, however slow the gateway is to answer.
while (answered === 0 || (answered < heldCalls && performance.now() - lastAnswerAt < SETTLE_MS)) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(`steady ${answered}\n`);

await nextLine();
lines.close();
const flooded = await flood.stop();
answers["flood ok"] = flooded.ok;
answers["flood denied"] = flooded.denied;
caller.close();
abort.abort();
await Promise.all(held);
process.stdout.write(`${JSON.stringify(answers)}\n`);

/** Calls echo `rate` times a second, round-robin over the sessions, without waiting for answers. */
function pacedFlood(sessionIds: string[], callsPerSecond: number) {
  const counts = { ok: 0, denied: 0 };
  const inflight = new Set<Promise<void>>();
  const gapMs = 1000 / callsPerSecond;
  let next = performance.now();
  let sent = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      next += gapMs;
      const sessionId = sessionIds[sent++ % sessionIds.length];
      const call: Promise<void> = caller
        .post(
          paths.limited,
          token,
          "tools/call",
          { name: "echo", arguments: { message: "flood" } },
          { sessionId },
        )
        .then(
          (reply) => {
            if (reply.status === 200 && reply.body.includes("Echo: flood")) counts.ok += 1;
            else counts.denied += 1;
          },
          () => {
            counts.denied += 1;
          },
        )
        .finally(() => inflight.delete(call));
      inflight.add(call);
    }
  })();
  return {
    async stop(): Promise<{ ok: number; denied: number }> {
      running = false;
      await loop;
      await Promise.all(inflight);
      return counts;
    },
  };
}
