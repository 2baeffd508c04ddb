import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CreateMessageRequestSchema, ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { createGrant, createServer, publishPolicy } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { type EverythingServer, startEverything } from "./support/start-everything";
import { type LongNameUpstream, startLongNameUpstream } from "./support/start-long-name-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const canonicalPolicy: unknown = JSON.parse(
  readFileSync(new URL("./fixtures/canonical-policy.json", import.meta.url), "utf8"),
);
const everythingPolicy = { version: "1", default: "allow", tools: { "get-env": { action: "deny" } } };
const ISO = "/srv/isos/alpine-virt-3.20.3-x86_64.iso";

let demo: DemoUpstream;
let everything: EverythingServer;
let longNames: LongNameUpstream;
let gateway: TestGateway;
let seeded: SeededTenant;
let tenantToken: string;
let tenantUrl: URL;
let longNamesServerId: string;

beforeAll(async () => {
  [demo, everything, longNames] = await Promise.all([
    startDemoUpstream({ port: 0 }),
    startEverything(),
    startLongNameUpstream(),
  ]);
  gateway = await startTestGateway(testDb);
  // The demo server "Lab Hypervisor" (slug lab-hypervisor) under the canonical policy.
  seeded = await seedTenant(testDb, { upstreamUrl: demo.url, policy: canonicalPolicy });
  for (const [name, url, policy] of [
    ["Everything", everything.url, everythingPolicy],
    ["Long Names", longNames.url, { version: "1", default: "allow" }],
  ] as const) {
    const server = await createServer(testDb, seeded.tenantId, {
      name,
      url,
      transport: "streamable_http",
      headersSealed: null,
    });
    await publishPolicy(testDb, seeded.tenantId, server.id, { document: policy });
    if (name === "Long Names") longNamesServerId = server.id;
  }
  tenantToken = generateToken("grt");
  await createGrant(testDb, seeded.tenantId, {
    label: "tenant-wide",
    tokenHash: hashToken(tenantToken),
    tokenPrefix: tokenPrefix(tenantToken),
    serverId: null,
  });
  tenantUrl = new URL(`${gateway.url}/${seeded.tenantSlug}/mcp`);
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([demo?.close(), everything?.close(), longNames?.close()]);
  await testDb.$disconnect();
});

/** A real SDK client on the tenant URL that answers sampling and elicitation like an agent's host. */
async function tenantClient(token = tenantToken): Promise<Client> {
  const client = new Client(
    { name: "tenant-url-test", version: "1.0.0" },
    { capabilities: { sampling: {}, elicitation: {} } },
  );
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
    model: "test-model",
    role: "assistant",
    content: { type: "text", text: `sampled ${request.params.messages.length} message(s)` },
  }));
  client.setRequestHandler(ElicitRequestSchema, async () => ({
    action: "accept",
    content: { name: "Ada Lovelace", check: true, email: "ada@example.test" },
  }));
  await client.connect(
    new StreamableHTTPClientTransport(tenantUrl, {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

async function toolNames(client: Client): Promise<string[]> {
  return (await client.listTools()).tools.map((tool) => tool.name);
}

describe("the tenant URL /<tenant>/mcp", () => {
  it("answers initialize with what its servers declare, merged, and names itself for the tenant", async () => {
    const client = await tenantClient();
    try {
      const capabilities = client.getServerCapabilities();
      // The demo server lists resources and prompts; server-everything adds subscriptions, completions, logging.
      expect(capabilities?.tools).toBeDefined();
      expect(capabilities?.prompts).toBeDefined();
      expect(capabilities?.resources?.subscribe).toBe(true);
      expect(capabilities?.completions).toBeDefined();
      expect(capabilities?.logging).toBeDefined();
      expect(client.getServerVersion()?.name).toBe(`toolgate-${seeded.tenantSlug}`);
    } finally {
      await client.close();
    }
  });

  it("declares only what the grant's own servers offer: a tools-only server gives a tools-only session", async () => {
    const token = generateToken("grt");
    await createGrant(testDb, seeded.tenantId, {
      label: "long names only",
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
      serverId: longNamesServerId,
    });
    const client = await tenantClient(token);
    try {
      const capabilities = client.getServerCapabilities();
      expect(capabilities?.tools).toBeDefined();
      expect(capabilities?.prompts).toBeUndefined();
      expect(capabilities?.resources).toBeUndefined();
      expect(capabilities?.completions).toBeUndefined();
      expect(capabilities?.logging).toBeUndefined();
      expect((await client.listTools()).tools).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it("lists every server's tools, prefixed and filtered by each server's own policy", async () => {
    const client = await tenantClient();
    try {
      const names = await toolNames(client);
      const demoNames = names.filter((name) => name.startsWith("lab-hypervisor__"));
      expect(demoNames).toEqual(["lab-hypervisor__MountIso"]);
      expect(names).toContain("everything__echo");
      expect(names).toContain("everything__get-sum");
      expect(names).not.toContain("everything__get-env");
      expect(names.every((name) => name.length <= 64)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("sends calls to the right upstream under the original name", async () => {
    const client = await tenantClient();
    try {
      const mounted = await client.callTool({
        name: "lab-hypervisor__MountIso",
        arguments: { vm_name: "alpine-ci", iso_path: ISO },
      });
      expect(mounted.isError).toBeFalsy();
      expect(demo.stats().toolCalls.MountIso).toBe(1);
      expect(demo.hypervisor.vms.get("alpine-ci")?.mountedIso?.path).toBe(ISO);
      const echoed = await client.callTool({
        name: "everything__echo",
        arguments: { message: "via tenant" },
      });
      expect(toolText(echoed)).toContain("via tenant");
    } finally {
      await client.close();
    }
  });

  it("answers a denied call with the server's own denial naming its rule, without reaching the upstream", async () => {
    const client = await tenantClient();
    try {
      await client.listTools();
      const byDefault = await client.callTool({ name: "lab-hypervisor__ListVms", arguments: {} });
      expect(byDefault.isError).toBe(true);
      expect(toolText(byDefault)).toMatch(/^\[POLICY DENIED\]/);
      expect(toolText(byDefault)).toContain("(default deny)");
      expect(demo.stats().toolCalls.ListVms).toBeUndefined();
      const byRule = await client.callTool({ name: "everything__get-env", arguments: {} });
      expect(byRule.isError).toBe(true);
      expect(toolText(byRule)).toContain("/tools/get-env");
    } finally {
      await client.close();
    }
  });

  it("names the prefixed candidates when a client calls an unprefixed name", async () => {
    const client = await tenantClient();
    try {
      await client.listTools();
      await expect(client.callTool({ name: "echo", arguments: { message: "x" } })).rejects.toThrow(
        /did you mean 'everything__echo'/,
      );
    } finally {
      await client.close();
    }
  });

  it("relays server-everything's sampling, elicitation and progress to the client", async () => {
    const client = await tenantClient();
    try {
      await client.listTools();
      const sampled = await client.callTool({
        name: "everything__trigger-sampling-request",
        arguments: { prompt: "hi", maxTokens: 5 },
      });
      expect(toolText(sampled)).toContain("sampled 1 message(s)");
      const elicited = await client.callTool({
        name: "everything__trigger-elicitation-request",
        arguments: {},
      });
      expect(JSON.stringify(elicited.content)).toContain("Ada Lovelace");
      const progress: unknown[] = [];
      await client.callTool(
        { name: "everything__trigger-long-running-operation", arguments: { duration: 0.3, steps: 3 } },
        undefined,
        { onprogress: (p) => progress.push(p) },
      );
      expect(progress).toHaveLength(3);
    } finally {
      await client.close();
    }
  });

  it("shortens a 70-character tool name within 64 characters, and the short name is callable", async () => {
    const client = await tenantClient();
    try {
      const names = await toolNames(client);
      const short = names.filter((name) => name.startsWith("long-names__"));
      expect(short).toHaveLength(1);
      const [name] = short;
      expect(name?.length).toBe(64);
      expect(name).toMatch(/-[0-9a-f]{8}$/);
      const result = await client.callTool({ name: name ?? "", arguments: {} });
      expect(toolText(result)).toBe("long-named tool ran");
      expect(longNames.calls).toEqual([longNames.toolName]);
    } finally {
      await client.close();
    }
  });

  it("rejects a token of another tenant and no token at all", async () => {
    const other = await seedTenant(testDb, { upstreamUrl: demo.url, policy: canonicalPolicy });
    await expect(tenantClient(other.token)).rejects.toThrow(/not valid for this gateway URL/);
    const anonymous = new Client({ name: "anonymous", version: "1.0.0" });
    await expect(anonymous.connect(new StreamableHTTPClientTransport(tenantUrl))).rejects.toThrow(
      /send the grant token/,
    );
  });

  it("does not let another token use a session it did not open", async () => {
    const client = await tenantClient();
    try {
      const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId ?? "";
      const response = await fetch(tenantUrl, {
        method: "POST",
        headers: {
          authorization: `Bearer ${seeded.token}`,
          "mcp-session-id": sessionId,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": "2025-06-18",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list", params: {} }),
      });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("Session not found");
    } finally {
      await client.close();
    }
  });

  it("shows a server-bound grant only its own server", async () => {
    const client = await tenantClient(seeded.token);
    try {
      const names = await toolNames(client);
      expect(names).toEqual(["lab-hypervisor__MountIso"]);
    } finally {
      await client.close();
    }
  });

  it("gives a server's tools back when it recovers", async () => {
    const client = await tenantClient();
    try {
      expect(await toolNames(client)).toContain("lab-hypervisor__MountIso");
      const port = Number(new URL(demo.url).port);
      await demo.close();
      expect(await toolNames(client)).not.toContain("lab-hypervisor__MountIso");
      demo = await startDemoUpstream({ port });
      expect(await toolNames(client)).toContain("lab-hypervisor__MountIso");
      const result = await client.callTool({
        name: "lab-hypervisor__MountIso",
        arguments: { vm_name: "alpine-ci", iso_path: ISO },
      });
      expect(result.isError).toBeFalsy();
      expect(demo.stats().toolCalls.MountIso).toBe(1);
    } finally {
      await client.close();
    }
  });

  it("ends a session with no request or stream open past the idle limit", async () => {
    const post = (body: unknown, sessionId?: string) =>
      fetch(tenantUrl, {
        method: "POST",
        headers: {
          authorization: `Bearer ${tenantToken}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...(sessionId === undefined
            ? {}
            : { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" }),
        },
        body: JSON.stringify(body),
      });
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    };
    const opened = await post(initialize);
    await opened.text();
    const sessionId = opened.headers.get("mcp-session-id") ?? "";
    expect(sessionId).not.toBe("");
    expect((await post({ jsonrpc: "2.0", method: "notifications/initialized" }, sessionId)).status).toBe(202);
    expect(gateway.gateway.aggregate.sweep(0)).toBeGreaterThanOrEqual(1);
    const after = await post({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} }, sessionId);
    expect(after.status).toBe(404);
    expect(await after.text()).toContain("Session not found");
  });

  it("drops only the tools of an upstream killed mid-session", async () => {
    const client = await tenantClient();
    try {
      const before = await toolNames(client);
      expect(before).toContain("everything__echo");
      await everything.close();
      const after = await toolNames(client);
      expect(after.some((name) => name.startsWith("everything__"))).toBe(false);
      expect(after).toContain("lab-hypervisor__MountIso");
      expect(after.some((name) => name.startsWith("long-names__"))).toBe(true);
      expect(gateway.logLines.some((line) => line.includes("left out of the tenant URL"))).toBe(true);
    } finally {
      await client.close();
    }
  });
});
