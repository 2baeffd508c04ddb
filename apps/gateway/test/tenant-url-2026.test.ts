import { createGrant, createServer, publishPolicy } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { statelessClient } from "./support/stateless-client";
import { type StatelessUpstream, startStatelessUpstream } from "./support/stateless-upstream";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

// The stateless upstream is the tenant's "Lab Hypervisor" (slug lab-hypervisor); a second, session-only
// demo server ("Session Lab") sits beside it.
const POLICY = {
  version: "1",
  default: "deny",
  tools: {
    read_file: {},
    confirm_wipe: { deny_if: [{ path: "args.path", op: "eq", value: "/" }] },
    delete_file: { action: "deny", on_deny: "Deleting is off." },
    write_file: { action: "deny", on_deny: "Writing is off." },
    format_disk: { action: "require_approval", approval: { timeout: "10m", by: "user" } },
  },
};
const PREFIX = "lab-hypervisor__";

let gateway: TestGateway;
let upstream: StatelessUpstream;
let demo: DemoUpstream;
let seeded: SeededTenant;
let tenantToken: string;

beforeAll(async () => {
  [gateway, upstream, demo] = await Promise.all([
    startTestGateway(testDb, { runLogWorker: true }),
    startStatelessUpstream(),
    startDemoUpstream({ port: 0 }),
  ]);
  seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
  const sessionLab = await createServer(testDb, seeded.tenantId, {
    name: "Session Lab",
    url: demo.url,
    transport: "streamable_http",
    headersSealed: null,
  });
  await publishPolicy(testDb, seeded.tenantId, sessionLab.id, {
    document: { version: "1", default: "allow" },
  });
  tenantToken = generateToken("grt");
  await createGrant(testDb, seeded.tenantId, {
    label: "tenant-wide",
    tokenHash: hashToken(tenantToken),
    tokenPrefix: tokenPrefix(tenantToken),
    serverId: null,
  });
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([upstream?.close(), demo?.close()]);
  await testDb.$disconnect();
});

const tenantUrl = () => `${gateway.url}/${seeded.tenantSlug}/mcp`;
const agent = (token = tenantToken, capabilities: Record<string, unknown> = {}) =>
  statelessClient(tenantUrl(), token, capabilities);
const result = (body: Record<string, unknown>) => body.result as Record<string, unknown>;
const callsOf = (tool: string) => upstream.calls().filter((call) => call.params.name === tool);

describe("a 2026-07-28 client on the tenant URL", () => {
  it("answers server/discover itself: merged capabilities, the tenant's server info, private", async () => {
    const reply = await agent().request("server/discover");
    expect(reply.status).toBe(200);
    const discovered = result(reply.body);
    expect(discovered).toMatchObject({
      resultType: "complete",
      cacheScope: "private",
      capabilities: { tools: {} },
      _meta: {
        "io.modelcontextprotocol/serverInfo": {
          name: `toolgate-${seeded.tenantSlug}`,
          title: expect.stringContaining("lab-hypervisor"),
        },
      },
    });
    expect(discovered.supportedVersions).toEqual(expect.arrayContaining(["2026-07-28", "2025-11-25"]));
    // The stateless upstream was asked through its own per-server URL, as the client's revision.
    const seen = upstream.received.findLast((request) => request.method === "server/discover");
    expect(seen?.protocolVersion).toBe("2026-07-28");
  });

  it("lists the tools each server's policy lets the grant call, prefixed, marked private", async () => {
    const reply = await agent().request("tools/list");
    const list = result(reply.body);
    const names = (list.tools as { name: string }[]).map((tool) => tool.name);
    expect(names.filter((name) => name.startsWith(PREFIX)).sort()).toEqual(
      ["confirm_wipe", "format_disk", "read_file"].map((name) => PREFIX + name),
    );
    expect(list).toMatchObject({ resultType: "complete", cacheScope: "private", ttlMs: 300_000 });
  });

  it("sends a call to its server under the original name, with routing headers and _meta", async () => {
    const reply = await agent().request("tools/call", {
      name: `${PREFIX}read_file`,
      arguments: { path: "/tmp/a" },
    });
    expect(result(reply.body)).toMatchObject({ resultType: "complete" });
    expect(toolText(result(reply.body))).toContain('"tool":"read_file"');
    expect(callsOf("read_file").at(-1)).toMatchObject({
      mcpMethod: "tools/call",
      mcpName: "read_file",
      protocolVersion: "2026-07-28",
      params: { arguments: { path: "/tmp/a" } },
    });
    expect(callsOf("read_file").at(-1)?.params._meta).toMatchObject({
      "io.modelcontextprotocol/clientInfo": { name: "stateless-test-client" },
    });
  });

  it("answers a denied call with the server's own 2026-07-28 denial, and never forwards it", async () => {
    const reply = await agent().request("tools/call", { name: `${PREFIX}delete_file`, arguments: {} });
    expect(reply.status).toBe(200);
    expect(result(reply.body)).toMatchObject({ resultType: "complete", isError: true });
    expect(toolText(result(reply.body))).toMatch(
      /^\[POLICY DENIED\] Deleting is off\..*\/tools\/delete_file/s,
    );
    expect(callsOf("delete_file")).toHaveLength(0);
  });

  it("refuses routing headers that do not mirror the exposed name, forwarding nothing", async () => {
    const before = upstream.received.length;
    const reply = await agent().request(
      "tools/call",
      { name: `${PREFIX}delete_file`, arguments: {} },
      { "mcp-method": "tools/call", "mcp-name": `${PREFIX}read_file` },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: -32020 });
    expect(upstream.received.length).toBe(before);
  });

  it("names the prefixed candidates when a client calls an unprefixed name", async () => {
    const reply = await agent().request("tools/call", { name: "read_file", arguments: {} });
    expect(reply.body.error).toMatchObject({ code: -32602 });
    expect(JSON.stringify(reply.body.error)).toContain(`did you mean '${PREFIX}read_file'`);
  });

  it("resolves names for a client that never listed (another replica, a restart)", async () => {
    const fresh = await freshGrant();
    const reply = await agent(fresh).request("tools/call", {
      name: `${PREFIX}read_file`,
      arguments: { path: "/tmp/fresh" },
    });
    expect(toolText(result(reply.body))).toContain('"path":"/tmp/fresh"');
  });

  it("round-trips a server's multi-round-trip requestState, and its policy judges the re-sent call", async () => {
    const client = agent();
    const name = `${PREFIX}confirm_wipe`;
    const first = await client.request("tools/call", { name, arguments: { path: "/tmp/x" } });
    const pending = result(first.body);
    expect(pending).toMatchObject({ resultType: "input_required", requestState: "opaque-state-v1.c2lnbmVk" });
    const answer = { confirm: { action: "accept", content: { sure: true } } };
    const widened = await client.request("tools/call", {
      name,
      arguments: { path: "/" },
      inputResponses: answer,
      requestState: pending.requestState,
    });
    expect(toolText(result(widened.body))).toMatch(/^\[POLICY DENIED\].*\/tools\/confirm_wipe\/deny_if\/0/s);
    const resent = await client.request("tools/call", {
      name,
      arguments: { path: "/tmp/x" },
      inputResponses: answer,
      requestState: pending.requestState,
    });
    expect(result(resent.body).resultType).toBe("complete");
    expect(callsOf("confirm_wipe").at(-1)?.params).toMatchObject({
      name: "confirm_wipe",
      requestState: "opaque-state-v1.c2lnbmVk",
      inputResponses: answer,
    });
  });

  it("asks the person for an approval with the gateway's own InputRequiredResult; accept runs the call once", async () => {
    const client = agent(tenantToken, { elicitation: { form: {} } });
    const call = { name: `${PREFIX}format_disk`, arguments: { path: "/dev/sdb" } };
    const pending = result((await client.request("tools/call", call)).body);
    expect(pending.resultType).toBe("input_required");
    expect(JSON.stringify(pending.inputRequests)).toContain("format_disk");
    expect(callsOf("format_disk")).toHaveLength(0);
    const answered = await client.request("tools/call", {
      ...call,
      inputResponses: { toolgate_approval: { action: "accept", content: {} } },
      requestState: pending.requestState,
    });
    expect(result(answered.body)).toMatchObject({ resultType: "complete" });
    expect(result(answered.body).isError).toBeUndefined();
    expect(callsOf("format_disk")).toHaveLength(1);
    expect(callsOf("format_disk")[0]?.params.requestState).toBeUndefined();
  });

  it("records the call under the server and the original tool name", async () => {
    await agent().request("tools/call", { name: `${PREFIX}delete_file`, arguments: { path: "/tmp/log" } });
    const rows = () =>
      testDb.callLog.findMany({
        where: { tenantId: seeded.tenantId, tool: "delete_file" },
        select: { serverId: true, decision: true, rule: true },
      });
    await vi.waitFor(async () => expect(await rows()).not.toHaveLength(0), { timeout: 10_000 });
    expect((await rows())[0]).toMatchObject({ serverId: seeded.serverId, decision: "deny" });
  });

  it("refuses a token of another tenant with the same Unauthorized, reaching no upstream", async () => {
    const other = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
    const before = upstream.received.length;
    const reply = await agent(other.token).request("tools/list");
    expect(reply.status).toBe(401);
    expect(JSON.stringify(reply.body)).toContain("Unauthorized");
    expect(upstream.received.length).toBe(before);
  });
});

async function freshGrant(): Promise<string> {
  const token = generateToken("grt");
  await createGrant(testDb, seeded.tenantId, {
    label: `fresh-${token.slice(-6)}`,
    tokenHash: hashToken(token),
    tokenPrefix: tokenPrefix(token),
    serverId: null,
  });
  return token;
}
