import type { IncomingMessage, ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { type RawUpstream, startRawUpstream } from "./support/start-raw-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

// One tenant fires a burst of requests at once; another tenant's single request sent after all of them
// must not wait for the whole burst (FairTurns). Raw sockets, all connected first, then every request
// written in one go: the gateway reads the whole burst in one pass of its event loop, as it would from a
// client that opened a thousand connections.

const allowAll = { version: "1", default: "allow" };
const BURST = 300;
let gateway: TestGateway;
let upstream: RawUpstream;
/** Tool-call arguments in the order the upstream received them. */
const received: string[] = [];

function answerAtOnce(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      id: number;
      params?: { arguments?: { who?: string } };
    };
    received.push(message.params?.arguments?.who ?? "?");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ jsonrpc: "2.0", id: message.id, result: { content: [] } }));
  });
}

beforeAll(async () => {
  upstream = await startRawUpstream(answerAtOnce);
  // Caps high enough that the whole burst goes through: only the order is under test.
  gateway = await startTestGateway(testDb, { maxInFlightPerTenant: 1_000, maxWaitingPerTenant: 1_000 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

function rawCall(tenant: SeededTenant, who: string): string {
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "tools/call",
    params: { name: "greet", arguments: { who } },
  });
  return [
    `POST ${tenant.path} HTTP/1.1`,
    `Host: ${new URL(gateway.url).host}`,
    `Authorization: Bearer ${tenant.token}`,
    "Content-Type: application/json",
    "Accept: application/json, text/event-stream",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "",
    body,
  ].join("\r\n");
}

/**
 * Opens `count` connections to `target` and waits until it has accepted them all, so that requests
 * written on them arrive together, as on a client's warm keep-alive pool.
 */
async function acceptedSockets(target: TestGateway, count: number): Promise<Socket[]> {
  const { port } = new URL(target.url);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), "127.0.0.1", () => resolve(socket));
          socket.once("error", reject);
        }),
    ),
  );
  const accepted = () =>
    new Promise<number>((resolve, reject) =>
      target.gateway.server.getConnections((error, n) => (error ? reject(error) : resolve(n))),
    );
  while ((await accepted()) < count) await new Promise((resolve) => setTimeout(resolve, 10));
  return sockets;
}

/** Writes every request at once; resolves with each socket's answer status, in the order the answers came. */
async function burst(sockets: Socket[], requests: string[]): Promise<{ index: number; status: number }[]> {
  const answers: { index: number; status: number }[] = [];
  const done = sockets.map(
    (socket, index) =>
      new Promise<void>((resolve) => {
        let head = "";
        socket.on("data", (chunk: Buffer) => {
          if (head.includes("\r\n")) return;
          head += chunk.toString("latin1");
          if (!head.includes("\r\n")) return;
          answers.push({ index, status: Number(head.split(" ")[1]) });
          socket.destroy();
          resolve();
        });
        socket.on("close", () => resolve());
      }),
  );
  sockets.forEach((socket, index) => {
    socket.write(requests[index] as string);
  });
  await Promise.all(done);
  return answers;
}

describe("fair turns between tenants", () => {
  it("serves a quiet tenant's request early in another tenant's burst sent before it", async () => {
    const noisy = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const quiet = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    // Warm both tenants' grants, servers and policies into the cache: the burst measures order, not loads.
    for (const tenant of [noisy, quiet]) {
      const [warm] = await acceptedSockets(gateway, 1);
      const [answer] = await burst([warm as Socket], [rawCall(tenant, "warm-up")]);
      expect(answer?.status).toBe(200);
    }
    received.length = 0;

    const sockets = await acceptedSockets(gateway, BURST + 1);
    const requests = [
      ...Array.from({ length: BURST }, () => rawCall(noisy, "noisy")),
      rawCall(quiet, "quiet"),
    ];
    const answers = await burst(sockets, requests);

    expect(answers.map((answer) => answer.status)).toEqual(Array(BURST + 1).fill(200));
    // Without turns the gateway works through the burst in the order it was read: the quiet call would
    // reach the upstream last, behind all 300 noisy ones.
    const quietAt = received.indexOf("quiet");
    expect(received).toHaveLength(BURST + 1);
    expect(quietAt).toBeGreaterThanOrEqual(0);
    expect(quietAt).toBeLessThan(BURST / 3);
  });

  it("refuses a tenant's requests beyond its waiting cap with 429, without forwarding them", async () => {
    const capped = await startTestGateway(testDb, { maxInFlightPerTenant: 1_000, maxWaitingPerTenant: 5 });
    try {
      const noisy = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
      const call = rawCall(noisy, "noisy").replace(new URL(gateway.url).host, new URL(capped.url).host);
      const [warm] = await acceptedSockets(capped, 1);
      expect((await burst([warm as Socket], [call]))[0]?.status).toBe(200);
      const before = upstream.requests;

      const answers = await burst(await acceptedSockets(capped, BURST), Array(BURST).fill(call));
      const refused = answers.filter((answer) => answer.status === 429).length;
      expect(refused).toBeGreaterThan(0);
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(BURST - refused);
      // Every call the gateway did not refuse reached the upstream; no refused one did.
      expect(upstream.requests - before).toBe(BURST - refused);
    } finally {
      await capped.close();
    }
  });
});
