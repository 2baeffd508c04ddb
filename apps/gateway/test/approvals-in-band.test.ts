import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type ElicitRequest, ElicitRequestSchema, type Progress } from "@modelcontextprotocol/sdk/types.js";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSecondGrant, decideApproval, waitForApprovals } from "./support/approvals";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const HELD = { name: "GetVmState", arguments: { vm_name: "alpine-ci" } };
const POLICY = {
  version: "1",
  default: "deny",
  tools: { GetVmState: { action: "require_approval", approval: { timeout: "10m", by: "user" } } },
};
const WAIT = { timeout: 120_000 };

let gateway: TestGateway;
let upstream: DemoUpstream;
let seeded: SeededTenant;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  // A short keep-alive so the fallback test sees progress soon; the 3-minute hold test uses the default.
  gateway = await startTestGateway(testDb, { approvalKeepAliveMs: 1_000, runLogWorker: true });
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

afterAll(async () => {
  await gateway?.close();
  await testDb.$disconnect();
});

async function setup(): Promise<void> {
  upstream = await startDemoUpstream({ port: 0 });
  closers.push(() => upstream.close());
  seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: POLICY });
}

const upstreamCalls = () => upstream.stats().toolCalls.GetVmState ?? 0;

/** A real SDK client; with `answer`, it declares form elicitation and answers every question so. */
async function connect(answer?: "accept" | "decline", token = seeded.token) {
  const questions: ElicitRequest["params"][] = [];
  const client = new Client(
    { name: "in-band-test", version: "1.0.0" },
    { capabilities: answer === undefined ? {} : { elicitation: { form: {} } } },
  );
  if (answer !== undefined) {
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      questions.push(request.params);
      return { action: answer };
    });
  }
  const transport = new StreamableHTTPClientTransport(new URL(`${gateway.url}${seeded.path}`), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  closers.push(() => client.close());
  return { client, questions };
}

describe('approval by: "user"', () => {
  it("asks the person in their client, naming tool, arguments and rule; accept runs the call exactly once", async () => {
    await setup();
    const { client, questions } = await connect("accept");
    const result = await client.callTool(HELD, undefined, WAIT);
    expect(result.isError).toBeFalsy();
    expect(upstreamCalls()).toBe(1);
    expect(questions).toHaveLength(1);
    const message = questions[0]?.message ?? "";
    expect(message).toContain("'GetVmState'");
    expect(message).toContain('"vm_name": "alpine-ci"');
    expect(message).toContain("/tools/GetVmState");
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    expect(approval).toMatchObject({
      status: "used",
      decidedByGrantId: seeded.grantId,
      arguments: HELD.arguments,
    });
    // The call log says who approved: the answer is an entry of its own, and the call names it.
    const answerLog = await waitForLog(seeded.tenantId, "elicitation/create (answer)");
    expect(answerLog.message).toBe(`alice-laptop approved approval ${approval?.id} in their MCP client.`);
    const callLog = await waitForLog(seeded.tenantId, "tools/call");
    expect(callLog).toMatchObject({ decision: "approved", grantId: seeded.grantId });
    expect(callLog.message).toContain("Approved in their MCP client by the person using this grant");

    // Single use: the identical call asks again rather than riding on the used approval.
    const again = await client.callTool(HELD, undefined, WAIT);
    expect(again.isError).toBeFalsy();
    expect(questions).toHaveLength(2);
    expect(upstreamCalls()).toBe(2);
  });

  it("denies the call with the reason when the person declines, and never runs it", async () => {
    await setup();
    const { client, questions } = await connect("decline");
    const result = await client.callTool(HELD, undefined, WAIT);
    expect(result.isError).toBe(true);
    expect(toolText(result)).toMatch(
      /^\[POLICY DENIED\].*declined it in their MCP client.*\/tools\/GetVmState/s,
    );
    expect(questions).toHaveLength(1);
    expect(upstreamCalls()).toBe(0);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    expect(approval).toMatchObject({ status: "denied", decidedByGrantId: seeded.grantId });
  });

  it("takes an answer only from the grant it asked, and only once", async () => {
    await setup();
    const other = await createSecondGrant(testDb, seeded.tenantId, seeded.serverId);
    // The client under test answers nothing itself: its question is captured and answered by hand.
    let asked: { id: string } | undefined;
    const client = new Client(
      { name: "in-band-test", version: "1.0.0" },
      { capabilities: { elicitation: {} } },
    );
    const transport = new StreamableHTTPClientTransport(new URL(`${gateway.url}${seeded.path}`), {
      requestInit: { headers: { Authorization: `Bearer ${seeded.token}` } },
    });
    transport.onmessage = (message) => {
      if ("method" in message && message.method === "elicitation/create" && "id" in message) {
        asked = { id: String(message.id) };
      }
    };
    await client.connect(transport);
    closers.push(() => client.close());
    const held = client.callTool(HELD, undefined, WAIT);
    for (let i = 0; i < 200 && asked === undefined; i++) await new Promise((r) => setTimeout(r, 50));
    if (asked === undefined) throw new Error("the client was not asked");
    const answer = (token: string) =>
      fetch(`${gateway.url}${seeded.path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: asked?.id, result: { action: "accept" } }),
      });
    // Another grant of the same tenant cannot answer for this one.
    expect((await answer(other.token)).status).toBe(400);
    const [pending] = await waitForApprovals(testDb, seeded.tenantId);
    expect(pending?.status).toBe("pending");
    expect((await answer(seeded.token)).status).toBe(202);
    expect((await held).isError).toBeFalsy();
    // Replaying the answer changes nothing: the approval was used by the one call.
    expect((await answer(seeded.token)).status).toBe(202);
    expect(upstreamCalls()).toBe(1);
    const [used] = await waitForApprovals(testDb, seeded.tenantId);
    expect(used).toMatchObject({ status: "used", decidedByGrantId: seeded.grantId });
  });

  it("falls back to the team inbox for a client that cannot be asked, and tells the agent so", async () => {
    await setup();
    const { client } = await connect();
    const progress: Progress[] = [];
    const held = client.callTool(HELD, undefined, { ...WAIT, onprogress: (p) => progress.push(p) });
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    for (let i = 0; i < 200 && progress.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(progress[0]?.message).toMatch(/cannot be asked.*team was asked instead.*approval apr_/);
    await decideApproval(testDb, approval, "denied", "Not during the freeze.");
    const result = await held;
    expect(toolText(result)).toMatch(/Not during the freeze\..*team was asked instead/s);
    expect(upstreamCalls()).toBe(0);
  });
});

async function waitForLog(tenantId: string, method: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const row = await testDb.callLog.findFirst({
      where: { tenantId, method },
      orderBy: { createdAt: "asc" },
    });
    if (row !== null) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${method} call log for tenant ${tenantId}`);
}
