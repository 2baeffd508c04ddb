import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectClient } from "./support/connect-client";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

let upstream: DemoUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startTestGateway(testDb, { sessionIdleMs: 1_000 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("upstream sessions", () => {
  it("are ended by the gateway when a client disconnects without a DELETE", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    await client.callTool({ name: "ListVms", arguments: {} });
    expect(upstream.stats().sessions).toBe(1);
    await client.close();
    await vi.waitFor(() => expect(upstream.stats().sessions).toBe(0), { timeout: 15_000 });
  });

  it("end at once when the client sends DELETE", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    const sessionsBefore = upstream.stats().sessions;
    const transport = client.transport;
    if (!(transport instanceof StreamableHTTPClientTransport))
      throw new Error("expected a Streamable HTTP client");
    await transport.terminateSession();
    expect(upstream.stats().sessions).toBe(sessionsBefore - 1);
    await client.close();
  });

  it("stay alive while the client holds its SSE stream open, even with no calls for a while", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    for (let i = 0; i < 3; i++) {
      const result = await client.callTool({ name: "ListVms", arguments: {} });
      expect(result.isError).toBeFalsy();
      // Longer than the idle limit: only the open GET stream keeps the session.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await client.close();
  });
});
