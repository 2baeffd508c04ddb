// The noisy tenant of bench/noisy-neighbour.ts, in a process of its own (as another client machine would
// be), so its 1,000 held requests and its flood do not slow the quiet tenant's client. Paced calls over
// its limit, plus held calls (hung upstream, approvals) kept open.
// Protocol (lines): prints "connected" once its sessions are open; on "go" on stdin it fires the held calls
// and starts the flood, then prints "steady <answered>" once the ramp-up is over: every held request has
// been answered (refused), or some were and then none for SETTLE_MS (the rest are held open). On a
// further line it stops and prints what it was answered, as JSON. Usage (from bench/noisy-neighbour.ts):
//   node --import tsx bench/support/noisy-tenant.ts <gateway-base> <token> <paths-json> <rate> <held>
import { createInterface } from "node:readline";
import { closeClient, connect, pacedLoad } from "./endurance-stack";

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
const limitedClients = await Promise.all(
  Array.from({ length: 4 }, () => connect(`${gatewayBase}${paths.limited}`, token)),
);
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
const flood = pacedLoad(limitedClients, rate);
// 1,000 is far over the tenant's caps (64 in flight, 100 held approvals), so refusals are certain: the ramp
// lasts at least until the first one, however slow the gateway is to answer.
while (answered === 0 || (answered < heldCalls && performance.now() - lastAnswerAt < SETTLE_MS)) {
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(`steady ${answered}\n`);

await nextLine();
lines.close();
await flood.stop();
answers["flood ok"] = flood.samples.filter((s) => s.ok).length;
answers["flood denied"] = flood.samples.filter((s) => !s.ok).length;
await Promise.all(limitedClients.map(closeClient));
abort.abort();
await Promise.all(held);
process.stdout.write(`${JSON.stringify(answers)}\n`);
