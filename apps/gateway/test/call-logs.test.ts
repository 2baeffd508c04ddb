import { listCallLogs } from "@toolgate/db";
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
  gateway = await startTestGateway(testDb, { runLogWorker: true });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("call logs", () => {
  it("reach Postgres with grant, tool, decision and rule, and argument keys but not values", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      grantLabel: "ci-runner",
      policy: { version: "1", default: "deny", tools: { GetVmState: {} } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    await client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
    await client.callTool({ name: "DeleteVm", arguments: { vm_name: "debian-db", delete_disks: true } });
    await client.close();

    const toolRows = async () => {
      const { rows } = await listCallLogs(testDb, seeded.tenantId, {}, { limit: 50 });
      return rows.filter((row) => row.tool !== null);
    };
    await vi.waitFor(async () => expect(await toolRows()).toHaveLength(2), { timeout: 10_000 });
    const rows = await toolRows();
    const allowed = rows.find((row) => row.tool === "GetVmState");
    const denied = rows.find((row) => row.tool === "DeleteVm");
    expect(allowed).toMatchObject({
      grantId: seeded.grantId,
      grantLabel: "ci-runner",
      serverId: seeded.serverId,
      method: "tools/call",
      decision: "allow",
      rule: "/tools/GetVmState",
      policyVersion: 1,
      upstreamStatus: 200,
      argumentKeys: ["vm_name"],
    });
    expect(allowed?.id.startsWith("req_")).toBe(true);
    expect(allowed?.sessionId).not.toBeNull();
    expect(denied).toMatchObject({
      decision: "deny",
      rule: "(default deny)",
      upstreamStatus: null,
      argumentKeys: ["vm_name", "delete_disks"],
    });
    expect(denied?.message?.startsWith("[POLICY DENIED]")).toBe(true);
    expect(rows.every((row) => row.arguments === null)).toBe(true);
    // Every request after authentication is logged, not only tool calls.
    const { rows: all } = await listCallLogs(testDb, seeded.tenantId, {}, { limit: 50 });
    expect(all.map((row) => row.method)).toContain("initialize");
    await vi.waitFor(async () => {
      const grant = await testDb.grant.findUnique({ where: { id: seeded.grantId } });
      expect(grant?.lastUsedAt).not.toBeNull();
    });
  });

  it("log a call the tool itself failed (isError) as error with the tool's message, apart from denials", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "deny", tools: { GetVmInfo: {} } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    const failed = await client.callTool({ name: "GetVmInfo", arguments: { vm_name: "no-such-vm" } });
    const fine = await client.callTool({ name: "GetVmInfo", arguments: { vm_name: "alpine-ci" } });
    await client.close();
    // The agent still receives the upstream's own answer, unchanged.
    expect(failed.isError).toBe(true);
    expect(fine.isError ?? false).toBe(false);

    const toolRows = async () => {
      const { rows } = await listCallLogs(testDb, seeded.tenantId, { tool: "GetVmInfo" }, { limit: 50 });
      return rows;
    };
    await vi.waitFor(async () => expect(await toolRows()).toHaveLength(2), { timeout: 10_000 });
    const rows = await toolRows();
    const errored = rows.find((row) => row.decision === "error");
    expect(errored).toMatchObject({ rule: "/tools/GetVmInfo", upstreamStatus: 200 });
    expect(errored?.message).toMatch(/"no-such-vm" not found/);
    expect(rows.filter((row) => row.decision === "allow")).toHaveLength(1);
    const { rows: onlyErrors } = await listCallLogs(
      testDb,
      seeded.tenantId,
      { decision: "error" },
      { limit: 50 },
    );
    expect(onlyErrors.map((row) => row.tool)).toEqual(["GetVmInfo"]);
  });
});
