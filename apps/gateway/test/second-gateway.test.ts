import { listCallLogs, publishPolicy } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectClient } from "./support/connect-client";
import { initializeRequest } from "./support/raw-requests";
import { seedTenant } from "./support/seed-tenant";
import { type GatewayProcess, spawnGateway } from "./support/spawn-gateway";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

let upstream: DemoUpstream;
let first: TestGateway;
let second: GatewayProcess;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  [first, second] = await Promise.all([
    startTestGateway(testDb),
    spawnGateway({ TOOLGATE_RUN_LOG_WORKER: "1" }),
  ]);
});

afterAll(async () => {
  await second?.close();
  await first?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("two gateway processes on one database and Redis", () => {
  it("both enforce a newly published policy on the next call, with no reconnect", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "deny", tools: { MountIso: {} } },
    });
    const clients = await Promise.all(
      [first.url, second.url].map((base) => connectClient(`${base}${seeded.path}`, seeded.token)),
    );
    for (const client of clients) {
      // Warms each process's caches with the old policy.
      expect(toolText(await client.callTool({ name: "ListVms", arguments: {} }))).toContain("(default deny)");
    }
    await publishPolicy(testDb, seeded.tenantId, seeded.serverId, {
      document: { version: "1", default: "deny", tools: { ListVms: {} } },
    });
    for (const client of clients) {
      // Delivered by LISTEN/NOTIFY; the cache TTL (30 s) is far longer than this wait.
      await vi.waitFor(
        async () => {
          const after = await client.callTool({ name: "ListVms", arguments: {} });
          expect(after.isError).toBeFalsy();
        },
        { timeout: 5_000 },
      );
      expect(toolText(await client.callTool({ name: "MountIso", arguments: {} }))).toContain(
        "(default deny)",
      );
      await client.close();
    }
  });
});

describe("a token in the URL", () => {
  it("never appears in the process's log output or in the stored call logs, on success or failure", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const down = await seedTenant(testDb, {
      upstreamUrl: "http://127.0.0.1:9/mcp",
      policy: { version: "1", default: "allow" },
    });
    const client = await connectClient(`${second.url}${seeded.path}?token=${seeded.token}`);
    expect((await client.callTool({ name: "ListVms", arguments: {} })).isError).toBeFalsy();
    await client.close();
    const failures = [
      fetch(`${second.url}${seeded.path}?token=${seeded.token}`, initializeRequest({}, "{not json")),
      fetch(
        `${second.url}${seeded.path}?x=1&token=${seeded.token}`,
        initializeRequest({ "mcp-session-id": "forged.id" }),
      ),
      fetch(`${second.url}${down.path}?token=${down.token}`, initializeRequest()),
      fetch(`${second.url}/nope/${seeded.serverSlug}/mcp?token=${seeded.token}`, initializeRequest()),
    ];
    expect((await Promise.all(failures)).map((answer) => answer.status)).toEqual([400, 404, 502, 401]);
    await vi.waitFor(
      async () => {
        const { rows } = await listCallLogs(testDb, seeded.tenantId, {}, { limit: 50 });
        expect(rows.length).toBeGreaterThanOrEqual(4);
        expect(JSON.stringify(rows)).not.toContain(seeded.token);
      },
      { timeout: 10_000 },
    );
    const logs = second.output.join("\n");
    expect(logs).toContain("token=[REDACTED]");
    expect(logs).toContain("could not be reached");
    expect(logs).not.toContain(seeded.token);
    expect(logs).not.toContain(down.token);
  });
});
