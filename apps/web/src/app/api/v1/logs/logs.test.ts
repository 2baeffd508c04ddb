import { insertCallLogs, newId } from "@toolgate/db";
import { describe, expect, it } from "vitest";
import { listLogsRoute } from "@/server/api/routes/log-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import * as exportRoute from "./export/route";
import * as logs from "./route";

async function seedLogs(tenantId: string, count: number) {
  const base = Date.UTC(2026, 0, 1);
  await insertCallLogs(
    apiDb(),
    Array.from({ length: count }, (_, index) => ({
      id: newId("req"),
      tenantId,
      serverId: index % 2 === 0 ? "srv_even" : "srv_odd",
      grantId: "grt_x",
      grantLabel: "agent",
      sessionId: null,
      method: "tools/call",
      tool: index % 3 === 0 ? "DeleteVm" : "MountIso",
      decision: index % 3 === 0 ? ("deny" as const) : ("allow" as const),
      rule: index % 3 === 0 ? "(default deny)" : "/tools/MountIso",
      message: null,
      policyVersion: 1,
      upstreamStatus: 200,
      latencyMs: 1.5,
      argumentKeys: ["vm_name"],
      arguments: null,
      createdAt: new Date(base + index * 1000),
    })),
  );
}

describe("/logs", () => {
  it("pages through the tenant's logs newest first with keyset cursors", async () => {
    const { keys, tenantId } = await newApiTenant();
    await seedLogs(tenantId, 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "?limit=3" : `?limit=3&cursor=${encodeURIComponent(cursor)}`;
      const page = expectOk(
        await callApi(logs.GET, { path: `/logs${query}`, key: keys.viewer }),
        listLogsRoute,
      );
      seen.push(...page.logs.map((row) => row.createdAt.toISOString()));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(7);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("filters like the dashboard: server, decision and tool", async () => {
    const { keys, tenantId } = await newApiTenant();
    await seedLogs(tenantId, 9);
    const denied = expectOk(
      await callApi(logs.GET, { path: "/logs?decision=deny&server=srv_even", key: keys.viewer }),
      listLogsRoute,
    );
    expect(denied.logs.map((row) => [row.decision, row.serverId, row.tool])).toEqual([
      ["deny", "srv_even", "DeleteVm"],
      ["deny", "srv_even", "DeleteVm"],
    ]);
    const byTool = expectOk(
      await callApi(logs.GET, { path: "/logs?tool=MountIso", key: keys.viewer }),
      listLogsRoute,
    );
    expect(byTool.logs).toHaveLength(6);
  });

  it("finds upstream errors, every call sent for approval, and one method", async () => {
    const { keys, tenantId } = await newApiTenant();
    const row = {
      tenantId,
      serverId: "srv_x",
      grantId: "grt_x",
      grantLabel: "agent",
      sessionId: null,
      method: "tools/call",
      tool: "GetVmInfo",
      rule: "/tools/GetVmInfo",
      message: null,
      policyVersion: 1,
      upstreamStatus: 200,
      latencyMs: 1,
      argumentKeys: [],
      arguments: null,
      createdAt: new Date(Date.UTC(2026, 0, 1)),
    };
    await insertCallLogs(apiDb(), [
      { ...row, id: newId("req"), decision: "error", message: '"nope" not found' },
      { ...row, id: newId("req"), decision: "approved", held: true, tool: "StopVm" },
      { ...row, id: newId("req"), decision: "allow", method: "initialize", tool: null, rule: null },
    ]);
    const get = async (query: string) =>
      expectOk(await callApi(logs.GET, { path: `/logs${query}`, key: keys.viewer }), listLogsRoute).logs;
    expect((await get("?decision=error")).map((log) => [log.tool, log.message])).toEqual([
      ["GetVmInfo", '"nope" not found'],
    ]);
    expect(
      (await get("?decision=approval_pending")).map((log) => [log.tool, log.decision, log.held]),
    ).toEqual([["StopVm", "approved", true]]);
    expect((await get("?method=initialize")).map((log) => log.method)).toEqual(["initialize"]);
    expect(await get("")).toHaveLength(3);
  });

  it("rejects unknown decisions and malformed cursors with their paths", async () => {
    const { keys } = await newApiTenant();
    const decision = expectError(
      await callApi(logs.GET, { path: "/logs?decision=maybe", key: keys.viewer }),
      400,
      "invalid_input",
    );
    expect(decision.map((issue) => issue.path)).toEqual(["/decision"]);
    const cursor = expectError(
      await callApi(logs.GET, { path: "/logs?cursor=nope", key: keys.viewer }),
      400,
      "invalid_input",
    );
    expect(cursor.map((issue) => issue.path)).toEqual(["/cursor"]);
  });

  it("never shows another organisation's logs, and refuses revoked keys", async () => {
    const owner = await newApiTenant();
    const other = await newApiTenant();
    await seedLogs(owner.tenantId, 2);
    const theirs = expectOk(await callApi(logs.GET, { path: "/logs", key: other.keys.admin }), listLogsRoute);
    expect(theirs.logs).toEqual([]);
    expectError(await callApi(logs.GET, { path: "/logs", key: owner.keys.revoked }), 401, "unauthenticated");
  });
});

describe("/logs records", () => {
  it("carry every field the dashboard has; argument values only while the organisation opts in", async () => {
    const { keys, tenantId } = await newApiTenant();
    const id = newId("req");
    await insertCallLogs(apiDb(), [
      {
        id,
        tenantId,
        serverId: "srv_a",
        grantId: "grt_a",
        grantLabel: "ci-runner",
        sessionId: "ses_1",
        method: "tools/call",
        tool: "MountIso",
        decision: "allow",
        rule: "/tools/MountIso",
        message: null,
        policyVersion: 3,
        upstreamStatus: 200,
        latencyMs: 4.25,
        argumentKeys: ["vm_name", "iso_path"],
        arguments: { vm_name: "alpine-ci", iso_path: "/isos/a.iso" },
        createdAt: new Date(Date.UTC(2026, 0, 1)),
      },
    ]);
    const read = async () =>
      expectOk(await callApi(logs.GET, { path: "/logs", key: keys.viewer }), listLogsRoute).logs[0];
    expect(await read()).toMatchObject({
      id,
      requestId: id,
      serverId: "srv_a",
      grantId: "grt_a",
      grantLabel: "ci-runner",
      sessionId: "ses_1",
      method: "tools/call",
      policyVersion: 3,
      upstreamStatus: 200,
      latencyMs: 4.25,
      argumentKeys: ["vm_name", "iso_path"],
      arguments: null,
    });
    await apiDb().tenant.update({ where: { id: tenantId }, data: { logArgumentValues: true } });
    expect((await read())?.arguments).toEqual({ vm_name: "alpine-ci", iso_path: "/isos/a.iso" });
  });
});

describe("/logs/export", () => {
  it("streams a time range oldest first as NDJSON, and as CSV with a header", async () => {
    const { keys, tenantId } = await newApiTenant();
    await seedLogs(tenantId, 7);
    const from = new Date(Date.UTC(2026, 0, 1, 0, 0, 1)).toISOString();
    const to = new Date(Date.UTC(2026, 0, 1, 0, 0, 6)).toISOString();
    const ndjson = await callApi(exportRoute.GET, {
      path: `/logs/export?from=${from}&to=${to}&decision=allow`,
      key: keys.viewer,
    });
    expect(ndjson.status).toBe(200);
    const lines = String(ndjson.body).trimEnd().split("\n");
    const records = lines.map((line) => JSON.parse(line) as { createdAt: string; decision: string });
    expect(records.map((record) => record.createdAt)).toEqual(
      [1, 2, 4, 5].map((second) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString()),
    );
    expect(records.every((record) => record.decision === "allow")).toBe(true);
    expect(records[0]).toMatchObject({ grantId: "grt_x", argumentKeys: ["vm_name"], arguments: null });

    const csv = await callApi(exportRoute.GET, {
      path: `/logs/export?format=csv&from=${from}&to=${to}`,
      key: keys.viewer,
    });
    const rows = String(csv.body).trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "requestId,createdAt,serverId,grantId,grantLabel,sessionId,method,tool,decision,rule,message,policyVersion,upstreamStatus,held,latencyMs,argumentKeys,arguments",
    );
    expect(rows).toHaveLength(6);
    expect(rows[1]).toContain(
      ",srv_odd,grt_x,agent,,tools/call,MountIso,allow,/tools/MountIso,,1,200,false,1.5,vm_name,",
    );
  });

  it("needs a valid range and a key", async () => {
    const { keys } = await newApiTenant();
    expectError(
      await callApi(exportRoute.GET, { path: "/logs/export", key: keys.viewer }),
      400,
      "invalid_input",
    );
    expectError(
      await callApi(exportRoute.GET, {
        path: "/logs/export?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
        key: keys.viewer,
      }),
      400,
      "invalid_input",
    );
    expect(
      (await callApi(exportRoute.GET, { path: "/logs/export?from=2026-01-01T00:00:00Z", key: null })).status,
    ).toBe(401);
  });
});
