import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSecondGrant, decideApproval, waitForApprovals } from "./support/approvals";
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
    format_disk: { action: "require_approval", approval: { timeout: "10m", by: "user" } },
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
      "format_disk",
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

describe('approval by: "user" on the stateless wire', () => {
  const FORMAT = { name: "format_disk", arguments: { device: "/dev/sdb" } };
  const asking = () =>
    statelessClient(`${gateway.url}${seeded.path}`, seeded.token, { elicitation: { form: {} } });

  async function ask(client: ReturnType<typeof asking>, call = FORMAT) {
    const reply = await client.request("tools/call", call);
    const pending = result(reply.body);
    expect(pending.resultType).toBe("input_required");
    return pending;
  }

  it("asks with an InputRequiredResult naming tool, arguments and rule; accept runs the call exactly once", async () => {
    const client = asking();
    const pending = await ask(client);
    const question = (
      pending.inputRequests as Record<string, { method: string; params: { message: string } }>
    ).toolgate_approval;
    expect(question?.method).toBe("elicitation/create");
    expect(question?.params.message).toContain("'format_disk'");
    expect(question?.params.message).toContain('"device": "/dev/sdb"');
    expect(question?.params.message).toContain("/tools/format_disk");
    expect(callsOf("format_disk")).toHaveLength(0);

    const answered = await client.request("tools/call", {
      ...FORMAT,
      inputResponses: { toolgate_approval: { action: "accept", content: {} } },
      requestState: pending.requestState,
    });
    expect(result(answered.body)).toMatchObject({ resultType: "complete" });
    expect(result(answered.body).isError).toBeUndefined();
    const runs = callsOf("format_disk");
    expect(runs).toHaveLength(1);
    // The gateway's own round never reaches the upstream.
    expect(runs[0]?.params.requestState).toBeUndefined();
    expect(runs[0]?.params.inputResponses).toBeUndefined();
    const rows = await testDb.approval.findMany({
      where: { tenantId: seeded.tenantId, tool: "format_disk" },
    });
    expect(rows).toMatchObject([{ status: "used", decidedByGrantId: seeded.grantId }]);

    // Single use: replaying the answered request asks again instead of running the call a second time.
    const replay = await client.request("tools/call", {
      ...FORMAT,
      inputResponses: { toolgate_approval: { action: "accept", content: {} } },
      requestState: pending.requestState,
    });
    expect(result(replay.body).resultType).toBe("input_required");
    expect(callsOf("format_disk")).toHaveLength(1);
  });

  it("binds the answer to the exact arguments: an accepted question re-sent with other arguments asks again", async () => {
    const client = asking();
    const pending = await ask(client, { name: "format_disk", arguments: { device: "/dev/sdc" } });
    const swapped = await client.request("tools/call", {
      name: "format_disk",
      arguments: { device: "/dev/sda" },
      inputResponses: { toolgate_approval: { action: "accept", content: {} } },
      requestState: pending.requestState,
    });
    expect(result(swapped.body).resultType).toBe("input_required");
    expect(callsOf("format_disk").map((call) => call.params.arguments)).not.toContainEqual({
      device: "/dev/sda",
    });
  });

  it("denies the call with the reason when the person declines", async () => {
    const client = asking();
    const call = { name: "format_disk", arguments: { device: "/dev/sdd" } };
    const pending = await ask(client, call);
    const declined = await client.request("tools/call", {
      ...call,
      inputResponses: { toolgate_approval: { action: "decline" } },
      requestState: pending.requestState,
    });
    expect(result(declined.body)).toMatchObject({ resultType: "complete", isError: true });
    expect(toolText(result(declined.body))).toMatch(/^\[POLICY DENIED\].*declined it in their MCP client/s);
    expect(callsOf("format_disk").map((run) => run.params.arguments)).not.toContainEqual({
      device: "/dev/sdd",
    });
  });

  it("holds the call for the team when the client cannot be asked, and tells the agent so", async () => {
    const own = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
    const client = statelessClient(`${gateway.url}${own.path}`, own.token);
    const held = client.request("tools/call", { name: "format_disk", arguments: { device: "/dev/sde" } });
    const [approval] = await waitForApprovals(testDb, own.tenantId);
    if (approval === undefined) throw new Error("no approval");
    await decideApproval(testDb, approval, "denied", "Not on a Friday.");
    const reply = await held;
    expect(result(reply.body)).toMatchObject({ resultType: "complete", isError: true });
    expect(toolText(result(reply.body))).toMatch(/Not on a Friday\..*team was asked instead/s);
    expect(callsOf("format_disk").map((run) => run.params.arguments)).not.toContainEqual({
      device: "/dev/sde",
    });
  });
});
