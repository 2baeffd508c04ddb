import { createHash } from "node:crypto";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { canonicalJson } from "@toolgate/upstream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSecondGrant, decideApproval, waitForApprovals } from "./support/approvals";
import { connectClient } from "./support/connect-client";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const HELD = { name: "GetVmState", arguments: { vm_name: "alpine-ci" } };
// Held calls may wait longer than the SDK's 60 s default in principle; the tests decide within seconds.
const WAIT = { timeout: 120_000 };

function policy(timeout: string) {
  return {
    version: "1",
    default: "deny",
    tools: {
      GetVmState: { action: "require_approval", approval: { timeout }, rate_limit: "1/hour" },
    },
  };
}

let gateway: TestGateway;
let upstream: DemoUpstream;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  gateway = await startTestGateway(testDb, { runLogWorker: true });
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

afterAll(async () => {
  await gateway?.close();
  await testDb.$disconnect();
});

/** A tenant on its own demo upstream; `upstream` is the latest one, whose calls upstreamCalls() counts. */
async function setup(timeout = "10m"): Promise<SeededTenant> {
  const started = await startDemoUpstream({ port: 0 });
  upstream = started;
  closers.push(() => started.close());
  return seedTenant(testDb, { upstreamUrl: started.url, policy: policy(timeout) });
}

async function client(seeded: SeededTenant, token = seeded.token, url = gateway.url) {
  const connected = await connectClient(`${url}${seeded.path}`, token);
  closers.push(() => connected.close());
  return connected;
}

const upstreamCalls = () => upstream.stats().toolCalls.GetVmState ?? 0;

describe("require_approval", () => {
  it("holds the call as a pending approval bound to its arguments, and runs it once approved", async () => {
    const seeded = await setup();
    const agent = await client(seeded);
    const held = agent.callTool(HELD, undefined, WAIT);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    expect(approval).toMatchObject({
      status: "pending",
      serverId: seeded.serverId,
      grantId: seeded.grantId,
      tool: "GetVmState",
      rule: "/tools/GetVmState",
      arguments: HELD.arguments,
      argumentsHash: createHash("sha256").update(canonicalJson(HELD.arguments)).digest("hex"),
    });
    const ttlMs = approval.expiresAt.getTime() - approval.createdAt.getTime();
    expect(Math.abs(ttlMs - 600_000)).toBeLessThan(5_000);
    expect(upstreamCalls()).toBe(0);

    await decideApproval(testDb, approval, "approved");
    const result = await held;
    expect(result.isError).toBeFalsy();
    expect(upstreamCalls()).toBe(1);
    const used = await testDb.approval.findUniqueOrThrow({ where: { id: approval.id } });
    expect(used.status).toBe("used");
    expect(used.usedAt).not.toBeNull();
    const logged = await waitForLog(seeded.tenantId, "approved");
    expect(logged.rule).toBe("/tools/GetVmState");
    // counted as sent for approval, whatever was decided
    expect(logged.held).toBe(true);
  });

  it("answers a denied call with the reviewer's reason and never runs it", async () => {
    const seeded = await setup();
    const agent = await client(seeded);
    const held = agent.callTool(HELD, undefined, WAIT);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    await decideApproval(testDb, approval, "denied", "not during the freeze");
    const result = await held;
    expect(result.isError).toBe(true);
    expect(toolText(result)).toMatch(
      /^\[POLICY DENIED\] A reviewer denied this call .*not during the freeze.*Rule: \/tools\/GetVmState/,
    );
    expect(upstreamCalls()).toBe(0);
    const denied = await waitForLog(seeded.tenantId, "deny");
    expect(denied.tool).toBe("GetVmState");
    expect(denied.held).toBe(true);
  });

  it("denies a call no one decided within the rule's timeout, and marks the approval expired", async () => {
    const seeded = await setup("1s");
    const agent = await client(seeded);
    const result = await agent.callTool(HELD, undefined, WAIT);
    expect(result.isError).toBe(true);
    expect(toolText(result)).toMatch(/No one approved this call .* within 1s.*expired/);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    expect(approval?.status).toBe("expired");
    expect(upstreamCalls()).toBe(0);
  });

  it("uses an approval once: the identical call again asks for a new approval", async () => {
    const seeded = await setup("2s");
    const agent = await client(seeded);
    const first = agent.callTool(HELD, undefined, WAIT);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    await decideApproval(testDb, approval, "approved");
    expect((await first).isError).toBeFalsy();

    const replay = await agent.callTool(HELD, undefined, WAIT);
    expect(replay.isError).toBe(true);
    expect(toolText(replay)).toContain("expired");
    const rows = await waitForApprovals(testDb, seeded.tenantId, 2);
    expect(rows.map((row) => row.status)).toEqual(["used", "expired"]);
    expect(upstreamCalls()).toBe(1);
  });

  it("gives identical calls held at once one request, and runs only one of them when approved", async () => {
    const seeded = await setup();
    const [first, second] = [await client(seeded), await client(seeded)];
    const both = Promise.all([first.callTool(HELD, undefined, WAIT), second.callTool(HELD, undefined, WAIT)]);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    // Both are held before the decision; the second found the first's request instead of opening one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await testDb.approval.count({ where: { tenantId: seeded.tenantId } })).toBe(1);
    await decideApproval(testDb, approval, "approved");
    const results = await both;
    expect(results.filter((result) => !result.isError)).toHaveLength(1);
    const other = results.find((result) => result.isError);
    expect(toolText(other)).toContain("was already used by another identical call");
    expect(upstreamCalls()).toBe(1);
  });

  it("holds a burst of distinct calls at once, each with a request of its own, and refuses none", async () => {
    // Each request is one statement on a pooled connection (10 per gateway): a burst eight times the
    // pool must queue briefly, not fail with "cannot reach its database" (503).
    const seeded = await setup();
    const agent = await client(seeded);
    const burst = 80;
    const calls = Array.from({ length: burst }, (_, i) =>
      agent.callTool({ name: "GetVmState", arguments: { vm_name: `vm-${i}` } }, undefined, WAIT),
    );
    const approvals = await waitForApprovals(testDb, seeded.tenantId, burst);
    expect(new Set(approvals.map((approval) => approval.argumentsHash)).size).toBe(burst);
    for (const approval of approvals) await decideApproval(testDb, approval, "denied", "burst test");
    const results = await Promise.all(calls);
    expect(results.map((result) => toolText(result)).filter((text) => !text.includes("burst test"))).toEqual(
      [],
    );
    expect(upstreamCalls()).toBe(0);
  });

  it("binds an approval to the exact arguments, grant and tenant", async () => {
    const stranger = await setup();
    const strangerUpstream = upstream;
    const seeded = await setup();
    const other = await createSecondGrant(testDb, seeded.tenantId, seeded.serverId);
    // Alice asks, then goes away; the request stays pending and a reviewer approves it.
    const leaving = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    const abandoned = leaving.callTool(HELD, undefined, WAIT).catch((error: unknown) => error);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    await leaving.close();
    expect(await abandoned).toBeInstanceOf(Error);
    expect((await waitForLog(seeded.tenantId, "approval_pending")).tool).toBe("GetVmState");
    await decideApproval(testDb, approval, "approved");

    // Changed arguments, another grant, another tenant: none may ride on Alice's approval.
    // Each is held on a request of its own, which the reviewer denies.
    const held = Promise.all([
      (await client(seeded)).callTool(
        { name: "GetVmState", arguments: { vm_name: "debian-db" } },
        undefined,
        WAIT,
      ),
      (await client(seeded, other.token)).callTool(HELD, undefined, WAIT),
      (await client(stranger)).callTool(HELD, undefined, WAIT),
    ]);
    const [, ...mine] = await waitForApprovals(testDb, seeded.tenantId, 3);
    const [theirs] = await waitForApprovals(testDb, stranger.tenantId, 1);
    const others = [...mine, theirs].filter((row) => row !== undefined);
    expect(others.map((row) => row.status)).toEqual(["pending", "pending", "pending"]);
    expect(new Set(others.map((row) => row.grantId))).toEqual(
      new Set([seeded.grantId, other.id, stranger.grantId]),
    );
    for (const row of others) await decideApproval(testDb, row, "denied");
    for (const result of await held) {
      expect(result.isError).toBe(true);
      expect(toolText(result)).toContain("A reviewer denied this call");
    }
    expect(upstreamCalls()).toBe(0);
    expect(strangerUpstream.stats().toolCalls.GetVmState ?? 0).toBe(0);

    // Alice's identical retry runs at once against her approval.
    const retry = await (await client(seeded)).callTool(HELD, undefined, WAIT);
    expect(retry.isError).toBeFalsy();
    expect(upstream.stats().toolCalls.GetVmState).toBe(1);
  });

  it("keeps a held call's approval across a gateway restart: the retried call resolves against it", async () => {
    const seeded = await setup();
    const first = await startTestGateway(testDb);
    const leaving = await connectClient(`${first.url}${seeded.path}`, seeded.token);
    const cut = leaving.callTool(HELD, undefined, WAIT).catch((error: unknown) => error);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    await first.close();
    expect(await cut).toBeInstanceOf(Error);
    await leaving.close().catch(() => undefined);

    const second = await startTestGateway(testDb);
    closers.push(() => second.close());
    const agent = await client(seeded, seeded.token, second.url);
    const retried = agent.callTool(HELD, undefined, WAIT);
    // The retry waits on the same request rather than opening a new one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await testDb.approval.count({ where: { tenantId: seeded.tenantId } })).toBe(1);
    await decideApproval(testDb, approval, "approved");
    expect((await retried).isError).toBeFalsy();
    expect(upstreamCalls()).toBe(1);
  });

  it("still applies the rule's limits after approval", async () => {
    const seeded = await setup();
    const agent = await client(seeded);
    for (const expected of [false, true]) {
      const held = agent.callTool(HELD, undefined, WAIT);
      const rows = await waitForApprovals(testDb, seeded.tenantId, expected ? 2 : 1);
      const latest = rows.at(-1);
      if (latest === undefined) throw new Error("no approval");
      await decideApproval(testDb, latest, "approved");
      const result = await held;
      expect(Boolean(result.isError)).toBe(expected);
      if (expected) expect(toolText(result)).toContain("/tools/GetVmState/rate_limit");
    }
    expect(upstreamCalls()).toBe(1);
  });
});

async function waitForLog(tenantId: string, decision: "approved" | "deny" | "approval_pending") {
  for (let attempt = 0; attempt < 200; attempt++) {
    const row = await testDb.callLog.findFirst({ where: { tenantId, decision, method: "tools/call" } });
    if (row !== null) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${decision} call log for tenant ${tenantId}`);
}
