// The noisy tenant of bench/noisy-neighbour.ts, in a process of its own (as another client machine would
// be), so its 1,000 held requests and its flood do not slow the quiet tenant's client. Paced calls over
// its limit, plus held calls (hung upstream, approvals) kept open. Prints "ready" once the noise runs;
// on a line on stdin it stops and prints what it was answered, as JSON. Usage (from bench/noisy-neighbour.ts):
//   node --import tsx bench/support/noisy-tenant.ts <gateway-base> <token> <paths-json> <rate> <held>
import { createInterface } from "node:readline";
import { closeClient, connect, pacedLoad } from "./endurance-stack";

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
// Sessions first: once the held calls fill the tenant's in-flight cap, even initialize is refused (429).
const limitedClients = await Promise.all(
  Array.from({ length: 4 }, () => connect(`${gatewayBase}${paths.limited}`, token)),
);
const abort = new AbortController();
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
process.stdout.write("ready\n");

const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once("line", () => resolve()));
lines.close();
await flood.stop();
answers["flood ok"] = flood.samples.filter((s) => s.ok).length;
answers["flood denied"] = flood.samples.filter((s) => !s.ok).length;
await Promise.all(limitedClients.map(closeClient));
abort.abort();
await Promise.all(held);
process.stdout.write(`${JSON.stringify(answers)}\n`);
