import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { createGrant, createServer, publishPolicy } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecondGrant } from "./support/approvals";
import { connectClient } from "./support/connect-client";
import { type PrivateRedis, startPrivateRedis } from "./support/private-redis";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { type LimitedGateway, startLimitedGateway } from "./support/start-limited-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

// Pinned one second into an hour, so no window rolls over mid-test and retry times are exact.
const HOUR_START_MS = Math.floor(Date.now() / 3_600_000) * 3_600_000;
const clock = { now: () => HOUR_START_MS + 1_000 };
const VM = { vm_name: "alpine-ci" };

let redis: PrivateRedis;
let upstream: DemoUpstream;
let gateway: LimitedGateway;
const clients: Client[] = [];

beforeAll(async () => {
  redis = await startPrivateRedis();
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startLimitedGateway(testDb, redis.url, { clock });
});

afterAll(async () => {
  for (const client of clients) await client.close();
  await gateway?.close();
  await upstream?.close();
  await redis?.stop();
  await testDb.$disconnect();
});

const limit = (counter: string, max: number, scope: string) => ({ counter, window: "hour", max, scope });

async function tenantWith(policy: unknown): Promise<SeededTenant> {
  return seedTenant(testDb, { upstreamUrl: upstream.url, policy: { version: "1", ...(policy as object) } });
}

async function connect(path: string, token: string): Promise<Client> {
  const client = await connectClient(`${gateway.url}${path}`, token);
  clients.push(client);
  return client;
}

/** How many of `count` sequential calls pass. */
async function passes(client: Client, name: string, count: number): Promise<number> {
  let passed = 0;
  for (let i = 0; i < count; i++) {
    const result = await client.callTool({ name, arguments: VM });
    if (!result.isError) passed++;
  }
  return passed;
}

describe("rate limits through the gateway", () => {
  it("counts a grant-scoped limit per grant", async () => {
    const seeded = await tenantWith({
      default: "deny",
      tools: { GetVmState: { limits: [limit("c", 2, "grant")] } },
    });
    const bob = await createSecondGrant(testDb, seeded.tenantId, seeded.serverId);
    expect(await passes(await connect(seeded.path, seeded.token), "GetVmState", 3)).toBe(2);
    expect(await passes(await connect(seeded.path, bob.token), "GetVmState", 3)).toBe(2);
  });

  it("counts a session-scoped limit per MCP session of the same grant", async () => {
    const seeded = await tenantWith({
      default: "deny",
      tools: { GetVmState: { limits: [limit("c", 2, "session")] } },
    });
    const first = await connect(seeded.path, seeded.token);
    const second = await connect(seeded.path, seeded.token);
    expect(await passes(first, "GetVmState", 3)).toBe(2);
    expect(await passes(second, "GetVmState", 3)).toBe(2);
  });

  it("shares a server-scoped limit between the server's grants", async () => {
    const seeded = await tenantWith({
      default: "deny",
      tools: { GetVmState: { limits: [limit("c", 3, "server")] } },
    });
    const bob = await createSecondGrant(testDb, seeded.tenantId, seeded.serverId);
    expect(await passes(await connect(seeded.path, seeded.token), "GetVmState", 2)).toBe(2);
    const denied = await passes(await connect(seeded.path, bob.token), "GetVmState", 2);
    expect(denied).toBe(1);
  });

  it("shares a tenant-scoped limit across the tenant's servers", async () => {
    const policy = { default: "deny", tools: { GetVmState: { limits: [limit("c", 3, "tenant")] } } };
    const seeded = await tenantWith(policy);
    const server = await createServer(testDb, seeded.tenantId, {
      name: "Second Hypervisor",
      url: upstream.url,
      transport: "streamable_http",
      headersSealed: null,
    });
    await publishPolicy(testDb, seeded.tenantId, server.id, { document: { version: "1", ...policy } });
    const token = generateToken("grt");
    await createGrant(testDb, seeded.tenantId, {
      label: "everywhere",
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
      serverId: null,
    });
    expect(await passes(await connect(seeded.path, token), "GetVmState", 2)).toBe(2);
    const other = await connect(`/${seeded.tenantSlug}/${server.slug}/mcp`, token);
    const results = [
      await other.callTool({ name: "GetVmState", arguments: VM }),
      await other.callTool({ name: "GetVmState", arguments: VM }),
    ];
    expect(results.map((result) => Boolean(result.isError))).toEqual([false, true]);
    expect(toolText(results[1])).toContain("per tenant");
  });

  it("spends one budget for two tools that name the same counter, and an all_tools limit on every call", async () => {
    const seeded = await tenantWith({
      default: "deny",
      all_tools: { limits: [limit("everything", 5, "grant")] },
      tools: {
        GetVmState: { limits: [limit("reads", 3, "grant")] },
        GetVmInfo: { limits: [limit("reads", 3, "grant")] },
        ListVms: {},
      },
    });
    const client = await connect(seeded.path, seeded.token);
    expect(await passes(client, "GetVmState", 2)).toBe(2);
    const info = [
      await client.callTool({ name: "GetVmInfo", arguments: VM }),
      await client.callTool({ name: "GetVmInfo", arguments: VM }),
    ];
    expect(info.map((result) => Boolean(result.isError))).toEqual([false, true]);
    expect(toolText(info[1])).toContain("/tools/GetVmInfo/limits/0");
    // 3 calls spent of the all_tools budget of 5 (the denied one spent nothing).
    expect(await passes(client, "ListVms", 3)).toBe(2);
    const denied = await client.callTool({ name: "ListVms", arguments: {} });
    expect(toolText(denied)).toContain("/all_tools/limits/0");
  });

  it("tells the agent when to retry: at the end of the fixed window", async () => {
    const seeded = await tenantWith({ default: "deny", tools: { GetVmState: { rate_limit: "1/hour" } } });
    const client = await connect(seeded.path, seeded.token);
    await client.callTool({ name: "GetVmState", arguments: VM });
    const denied = await client.callTool({ name: "GetVmState", arguments: VM });
    expect(toolText(denied)).toBe(
      "[POLICY DENIED] Rate limit reached: 1 call per hour per grant (counter GetVmState:rate, fixed window). Rule: /tools/GetVmState/rate_limit. Retry after 3599s.",
    );
  });

  it("uses one Redis round trip for all of a call's limits, and none once a limit is known to be exhausted", async () => {
    const seeded = await tenantWith({
      default: "deny",
      all_tools: { limits: [limit("everything", 100, "tenant")] },
      tools: {
        GetVmState: { limits: [limit("reads", 2, "grant"), limit("burst", 10, "session")] },
        ListVms: {},
      },
    });
    const client = await connect(seeded.path, seeded.token);
    await client.callTool({ name: "ListVms", arguments: {} }); // loads the script (one EVAL)
    const before = await redis.calls("evalsha");
    const evalsBefore = await redis.calls("eval");
    expect(await passes(client, "GetVmState", 3)).toBe(2);
    expect(await redis.calls("evalsha")).toBe(before + 3);
    expect(await passes(client, "GetVmState", 10)).toBe(0);
    expect(await redis.calls("evalsha")).toBe(before + 3);
    // Nothing else is sent: no separate reads, writes or script loads around the one script.
    expect(await redis.calls("eval")).toBe(evalsBefore);
  });

  it("makes no Redis call for a tool without limits", async () => {
    const seeded = await tenantWith({ default: "allow" });
    const client = await connect(seeded.path, seeded.token);
    const before = await redis.calls("evalsha");
    expect(await passes(client, "ListVms", 5)).toBe(5);
    expect(await redis.calls("evalsha")).toBe(before);
  });
});
