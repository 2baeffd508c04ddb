import { describe, expect, it } from "vitest";
import { type CallLogRecord, callLogStats, insertCallLogs, listCallLogsAfter, newId } from "../src/index";
import { newTenant, useTestDb } from "./support/test-db";

const db = useTestDb();
const base = Date.UTC(2026, 10, 25, 10, 0, 0);

function record(
  tenantId: string,
  minute: number,
  tool: string,
  decision: CallLogRecord["decision"],
  extra: Partial<CallLogRecord> = {},
) {
  return {
    id: newId("req"),
    tenantId,
    serverId: "srv_a",
    grantId: "grt_a",
    grantLabel: "ci",
    sessionId: null,
    method: "tools/call",
    tool,
    decision,
    rule: decision === "allow" ? "/tools/ListVms" : "(default deny)",
    message: null,
    policyVersion: 1,
    upstreamStatus: 200,
    latencyMs: 1,
    argumentKeys: [],
    arguments: null,
    createdAt: new Date(base + minute * 60_000),
    ...extra,
  } satisfies CallLogRecord;
}

describe("callLogStats", () => {
  it("counts calls per bucket and decision, top tools and top denying rules, per tenant", async () => {
    const { tenant } = await newTenant(db);
    const other = await newTenant(db);
    await insertCallLogs(db, [
      record(tenant.id, 0, "ListVms", "allow"),
      record(tenant.id, 1, "ListVms", "allow"),
      record(tenant.id, 1, "DeleteVm", "deny"),
      record(tenant.id, 7, "DeleteVm", "deny"),
      record(tenant.id, 8, "StopVm", "approved", { held: true }),
      record(tenant.id, 8, "StopVm", "deny", { held: true }),
      record(tenant.id, 9, "GetVmInfo", "error"),
      // protocol traffic is not a tool call
      record(tenant.id, 1, "", "allow", { method: "initialize", tool: null }),
      record(tenant.id, 1, "", "allow", { method: "tools/list", tool: null }),
      record(other.tenant.id, 1, "Other", "deny"),
    ]);
    const stats = await callLogStats(db, tenant.id, {
      from: new Date(base),
      to: new Date(base + 10 * 60_000),
      bucketSeconds: 300,
    });
    expect(stats.buckets.map((b) => [b.bucket.getTime() - base, b.decision, b.calls, b.held])).toEqual([
      [0, "allow", 2, 0],
      [0, "deny", 1, 0],
      // decisions in the enum's order
      [300_000, "deny", 2, 1],
      [300_000, "approved", 1, 1],
      [300_000, "error", 1, 0],
    ]);
    expect(stats.topTools).toEqual([
      { name: "DeleteVm", calls: 2 },
      { name: "ListVms", calls: 2 },
      { name: "StopVm", calls: 2 },
      { name: "GetVmInfo", calls: 1 },
    ]);
    expect(stats.topDeniedRules).toEqual([{ name: "(default deny)", calls: 3 }]);
  });
});

describe("listCallLogsAfter", () => {
  it("returns only rows strictly after the position, oldest first", async () => {
    const { tenant } = await newTenant(db);
    const rows = [0, 1, 1, 2].map((minute) => record(tenant.id, minute, "ListVms", "allow"));
    await insertCallLogs(db, rows);
    const [first, second] = rows;
    if (first === undefined || second === undefined) throw new Error("rows");
    const after = await listCallLogsAfter(
      db,
      tenant.id,
      {},
      { createdAt: second.createdAt, id: second.id },
      10,
    );
    expect(after.map((r) => r.id)).toEqual(rows.slice(2).map((r) => r.id));
    const all = await listCallLogsAfter(db, tenant.id, {}, { createdAt: new Date(0), id: "" }, 2);
    expect(all.map((r) => r.id)).toEqual([first.id, second.id]);
  });
});
