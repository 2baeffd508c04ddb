import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecondGrant } from "./support/approvals";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { statelessClient } from "./support/stateless-client";
import { type StatelessUpstream, startStatelessUpstream } from "./support/stateless-upstream";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const POLICY = {
  version: "1",
  default: "deny",
  tools: {
    read_file: {},
    write_file: {
      deny_if: [{ path: "args.path", op: "regex", value: "^/etc" }],
      limits: [{ counter: "writes", window: "hour", max: 2, scope: "session" }],
    },
    confirm_wipe: { deny_if: [{ path: "args.path", op: "eq", value: "/" }] },
    delete_file: { action: "deny", on_deny: "Deleting is off." },
  },
};

let gateway: TestGateway;
let upstream: StatelessUpstream;
let seeded: SeededTenant;

beforeAll(async () => {
  gateway = await startTestGateway(testDb);
  upstream = await startStatelessUpstream();
  seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

const agent = (token = seeded.token) => statelessClient(`${gateway.url}${seeded.path}`, token);
const result = (body: Record<string, unknown>) => body.result as Record<string, unknown>;
const callsOf = (tool: string) => upstream.calls().filter((call) => call.params.name === tool);

describe("a 2026-07-28 client through the gateway", () => {
  it("relays server/discover with its _meta both ways", async () => {
    const reply = await agent().request("server/discover", { _meta: { "example.com/trace": "t-1" } });
    expect(reply.status).toBe(200);
    expect(result(reply.body)).toMatchObject({
      resultType: "complete",
      supportedVersions: ["2026-07-28"],
      _meta: { "io.modelcontextprotocol/serverInfo": { name: "stateless-test" } },
    });
    const seen = upstream.received.findLast((request) => request.method === "server/discover");
    expect(seen?.params._meta).toMatchObject({
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "example.com/trace": "t-1",
    });
    expect(seen?.mcpMethod).toBe("server/discover");
  });

  it("lists only what the grant may call, marked private so no shared cache serves it to another grant", async () => {
    const reply = await agent().request("tools/list");
    const list = result(reply.body);
    expect((list.tools as { name: string }[]).map((tool) => tool.name).sort()).toEqual([
      "confirm_wipe",
      "read_file",
      "write_file",
    ]);
    expect(list).toMatchObject({ resultType: "complete", cacheScope: "private", ttlMs: 300_000 });
  });

  it("forwards an allowed call with its routing headers and _meta", async () => {
    const reply = await agent().request("tools/call", { name: "read_file", arguments: { path: "/tmp/a" } });
    expect(result(reply.body).resultType).toBe("complete");
    expect(toolText(result(reply.body))).toContain('"tool":"read_file"');
    const [seen] = callsOf("read_file");
    expect(seen).toMatchObject({
      mcpMethod: "tools/call",
      mcpName: "read_file",
      protocolVersion: "2026-07-28",
    });
    expect(seen?.params._meta).toMatchObject({
      "io.modelcontextprotocol/clientInfo": { name: "stateless-test-client" },
    });
  });

  it("answers a denied call with a valid 2026-07-28 result naming the rule, and never forwards it", async () => {
    const reply = await agent().request("tools/call", { name: "delete_file", arguments: { path: "/tmp/a" } });
    expect(reply.status).toBe(200);
    expect(result(reply.body)).toMatchObject({ resultType: "complete", isError: true });
    expect(toolText(result(reply.body))).toMatch(
      /^\[POLICY DENIED\] Deleting is off\..*\/tools\/delete_file/s,
    );
    expect(callsOf("delete_file")).toHaveLength(0);
  });

  it.each([
    [
      "Mcp-Name naming an allowed tool for a denied call",
      { "mcp-method": "tools/call", "mcp-name": "read_file" },
    ],
    ["Mcp-Method naming another method", { "mcp-method": "tools/list", "mcp-name": "delete_file" }],
    ["no Mcp-Method", { "mcp-name": "delete_file" }],
    ["no Mcp-Name", { "mcp-method": "tools/call" }],
    ["a different case", { "mcp-method": "TOOLS/CALL", "mcp-name": "delete_file" }],
  ])("refuses %s with HeaderMismatch, forwarding nothing", async (_label, headers) => {
    const before = upstream.received.length;
    const reply = await agent().request("tools/call", { name: "delete_file", arguments: {} }, headers);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: -32020 });
    expect(upstream.received.length).toBe(before);
  });

  it("accepts routing headers with surrounding whitespace", async () => {
    const reply = await agent().request(
      "tools/call",
      { name: "read_file", arguments: { path: "/tmp/ws" } },
      { "mcp-method": " tools/call ", "mcp-name": "  read_file  " },
    );
    expect(result(reply.body).isError).toBeUndefined();
  });

  it("refuses a MCP-Protocol-Version header that contradicts the request's _meta", async () => {
    const before = upstream.received.length;
    const reply = await agent().request(
      "tools/call",
      { name: "read_file", arguments: {} },
      { "mcp-method": "tools/call", "mcp-name": "read_file", "mcp-protocol-version": "2025-11-25" },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: -32020 });
    expect(upstream.received.length).toBe(before);
  });
});

describe("multi-round-trip requests", () => {
  it("round-trips requestState untouched and evaluates the re-sent request again", async () => {
    const client = agent();
    const first = await client.request("tools/call", { name: "confirm_wipe", arguments: { path: "/tmp/x" } });
    const pending = result(first.body);
    expect(pending).toMatchObject({ resultType: "input_required", requestState: "opaque-state-v1.c2lnbmVk" });
    expect(pending.inputRequests).toMatchObject({ confirm: { method: "elicitation/create" } });
    const answer = { confirm: { action: "accept", content: { sure: true } } };
    const requestState = pending.requestState;

    // Tampering: the state of an allowed call re-sent as a denied one, or with arguments a rule denies.
    const swapped = await client.request("tools/call", {
      name: "delete_file",
      arguments: { path: "/tmp/x" },
      inputResponses: answer,
      requestState,
    });
    expect(toolText(result(swapped.body))).toMatch(/^\[POLICY DENIED\]/);
    const widened = await client.request("tools/call", {
      name: "confirm_wipe",
      arguments: { path: "/" },
      inputResponses: answer,
      requestState,
    });
    expect(toolText(result(widened.body))).toMatch(/^\[POLICY DENIED\].*\/tools\/confirm_wipe\/deny_if\/0/s);
    expect(callsOf("delete_file")).toHaveLength(0);
    expect(callsOf("confirm_wipe")).toHaveLength(1);

    const resent = await client.request("tools/call", {
      name: "confirm_wipe",
      arguments: { path: "/tmp/x" },
      inputResponses: answer,
      requestState,
    });
    expect(result(resent.body).resultType).toBe("complete");
    const last = callsOf("confirm_wipe").at(-1);
    expect(last?.params.requestState).toBe("opaque-state-v1.c2lnbmVk");
    expect(last?.params.inputResponses).toEqual(answer);
  });
});

describe('scope: "session" limits without sessions', () => {
  it("count per grant on the stateless wire, whatever the client sends", async () => {
    const own = await createSecondGrant(testDb, seeded.tenantId, seeded.serverId);
    const client = agent(own.token);
    const write = (path: string, extra: Record<string, string> = {}) =>
      client.request(
        "tools/call",
        { name: "write_file", arguments: { path } },
        { "mcp-method": "tools/call", "mcp-name": "write_file", ...extra },
      );
    expect(result((await write("/tmp/1")).body).isError).toBeUndefined();
    expect(result((await write("/tmp/2")).body).isError).toBeUndefined();
    const third = await write("/tmp/3");
    expect(toolText(result(third.body))).toMatch(/^\[POLICY DENIED\].*\/tools\/write_file\/limits\/0/s);
    // Another grant has a budget of its own.
    const other = await agent().request("tools/call", { name: "write_file", arguments: { path: "/tmp/4" } });
    expect(result(other.body).isError).toBeUndefined();
    expect(callsOf("write_file").map((call) => call.params.arguments)).toEqual([
      { path: "/tmp/1" },
      { path: "/tmp/2" },
      { path: "/tmp/4" },
    ]);
  });
});
