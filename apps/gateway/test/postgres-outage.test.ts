import { createDb, revokeGrant } from "@toolgate/db";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startPostgresRelay } from "./support/postgres-relay";
import { seedTenant } from "./support/seed-tenant";
import { startJsonUpstream } from "./support/start-json-upstream";
import { startTestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

afterAll(async () => {
  await testDb.$disconnect();
});

// Long enough to outlast the cache TTL several times; TOOLGATE_TEST_OUTAGE_MS=60000 runs the full minute.
const OUTAGE_MS = Number(process.env.TOOLGATE_TEST_OUTAGE_MS ?? 6_000);
const CACHE_TTL_MS = 1_000;

function callGreet(url: string, token: string, id: number): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id,
      method: "tools/call",
      params: { name: "greet", arguments: {} },
    }),
  });
}

describe("a Postgres outage", () => {
  it(
    "keeps cached grants deciding and forwarding calls, with no 5xx, and logs every call once it is back",
    async () => {
      const upstream = await startJsonUpstream();
      const relay = await startPostgresRelay();
      const db = createDb(relay.url);
      const seeded = await seedTenant(testDb, {
        upstreamUrl: upstream.url,
        policy: {
          version: "1",
          default: "deny",
          tools: { greet: {}, secret: { action: "require_approval", approval: { timeout: "10m" } } },
        },
      });
      const gateway = await startTestGateway(db, {
        runLogWorker: true,
        cacheTtlMs: CACHE_TTL_MS,
        listenUrl: relay.url,
      });
      const url = `${gateway.url}${seeded.path}`;
      const health = async () =>
        (await (await fetch(`${gateway.url}/healthz`)).json()) as { postgres: string };
      let calls = 0;
      const statuses: number[] = [];
      const call = async () => {
        calls += 1;
        const response = await callGreet(url, seeded.token, calls);
        statuses.push(response.status);
        const body = (await response.json()) as { result?: { content: { text: string }[] } };
        return body.result?.content[0]?.text;
      };
      try {
        expect(await call()).toBe("hello from greet"); // warm: server, grant, policy, pins cached
        await relay.stop();
        const upstreamBefore = upstream.calls();
        const outageEnds = Date.now() + OUTAGE_MS;
        let duringOutage = 0;
        while (Date.now() < outageEnds) {
          expect(await call()).toBe("hello from greet");
          duringOutage += 1;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        // Decided and forwarded for real: the upstream ran every one of them.
        expect(upstream.calls() - upstreamBefore).toBe(duringOutage);
        expect(duringOutage).toBeGreaterThan(OUTAGE_MS / 1_000);
        expect((await health()).postgres).toBe("degraded");
        // What nothing cached can answer gets 503 with Retry-After, not 500.
        const unknown = await callGreet(url, "grt_not-a-known-token", 1);
        expect(unknown.status).toBe(503);
        expect(unknown.headers.get("retry-after")).toBe("5");
        await unknown.body?.cancel();
        expect(statuses.every((status) => status === 200)).toBe(true);
        // A call held for approval needs Postgres (the approval lives there): 503 with Retry-After too.
        const held = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            authorization: `Bearer ${seeded.token}`,
          },
          body: JSON.stringify({
            jsonrpc: "2.0",
            id: 7,
            method: "tools/call",
            params: { name: "secret", arguments: {} },
          }),
        });
        expect(held.status).toBe(503);
        expect(held.headers.get("retry-after")).toBe("5");
        await held.body?.cancel();

        await relay.start();
        await vi.waitFor(
          async () => {
            expect(await call()).toBe("hello from greet");
            expect((await health()).postgres).toBe("ok");
          },
          { timeout: 15_000, interval: 250 },
        );
        // Every call, including those made while Postgres was away, reaches the call logs.
        await vi.waitFor(
          async () => {
            const logged = await testDb.callLog.count({
              where: { tenantId: seeded.tenantId, tool: "greet", decision: "allow" },
            });
            expect(logged).toBe(calls);
          },
          { timeout: 120_000, interval: 500 },
        );
        // With Postgres up again, a revocation applies within 5 s (by notification, not TTL).
        await revokeGrant(testDb, seeded.tenantId, seeded.grantId);
        await vi.waitFor(
          async () => {
            const response = await callGreet(url, seeded.token, 999);
            expect(response.status).toBe(401);
            await response.body?.cancel();
          },
          { timeout: 5_000, interval: 100 },
        );
      } finally {
        await gateway.close();
        await relay.stop();
        await db.$disconnect();
        await upstream.close();
      }
    },
    OUTAGE_MS + 180_000,
  );
});
