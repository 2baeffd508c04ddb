import { type CallLogRecord, insertCallLogs, newId } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { getOverview, overviewQuerySchema } from "./get-overview";

const db = testDb();
afterAll(() => db.$disconnect());

const now = new Date(Date.UTC(2026, 10, 25, 12, 30, 0));

function call(tenantId: string, serverId: string, extra: Partial<CallLogRecord>): CallLogRecord {
  return {
    id: newId("req"),
    tenantId,
    serverId,
    grantId: "grt_test",
    grantLabel: "ci",
    sessionId: null,
    method: "tools/call",
    tool: "ListVms",
    decision: "allow",
    rule: "/tools/ListVms",
    message: null,
    policyVersion: 1,
    upstreamStatus: 200,
    latencyMs: 1,
    argumentKeys: [],
    arguments: null,
    createdAt: new Date(now.getTime() - 10 * 60_000),
    ...extra,
  };
}

describe("getOverview", () => {
  it("counts tool calls only, held calls whatever was decided, and upstream errors apart from denials", async () => {
    const a = await newTenant(db, "a");
    const server = await newServerRow(db, a.tenantId);
    await insertCallLogs(db, [
      call(a.tenantId, server.id, {}),
      call(a.tenantId, server.id, { tool: "DeleteVm", decision: "deny", rule: "(default deny)" }),
      call(a.tenantId, server.id, { tool: "StopVm", decision: "approved", held: true }),
      call(a.tenantId, server.id, { tool: "StopVm", decision: "deny", held: true }),
      call(a.tenantId, server.id, { tool: "StopVm", decision: "approval_pending", held: true }),
      call(a.tenantId, server.id, { tool: "GetVmInfo", decision: "error", message: "not found" }),
      call(a.tenantId, server.id, { method: "initialize", tool: null, rule: null }),
      call(a.tenantId, server.id, { method: "notifications/initialized", tool: null, rule: null }),
    ]);
    const overview = await getOverview(db, a.ctx, overviewQuerySchema.parse({ range: "24h" }), now);
    expect(overview.totals).toMatchObject({
      calls: 6,
      denied: 2,
      rateLimited: 0,
      sentForApproval: 3,
      errors: 1,
    });
  });
});
