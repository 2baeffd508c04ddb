import { describe, expect, it } from "vitest";
import {
  type CallLogRecord,
  callLogStats,
  insertCallLogs,
  listCallLogsAfter,
  newId,
  rebuildCallLogRollups,
} from "../src/index";
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

describe("hourly rollups", () => {
  it("are written with the rows, exactly (a retried batch counts once), and the overview ranges read them", async () => {
    const { tenant } = await newTenant(db);
    const rows = [
      record(tenant.id, 5, "ListVms", "allow"),
      record(tenant.id, 59, "ListVms", "allow"),
      record(tenant.id, 60, "DeleteVm", "deny"),
      { ...record(tenant.id, 61, "DeleteVm", "deny"), held: true },
      record(tenant.id, 130, "MountIso", "rate_limited"),
      { ...record(tenant.id, 131, "ListVms", "allow"), serverId: "srv_b" },
      { ...record(tenant.id, 132, "ListVms", "allow"), tool: null, rule: null, method: "initialize" },
    ];
    expect(await insertCallLogs(db, rows.slice(0, 4))).toBe(4);
    // The log worker retries a batch after a failure: its rows are skipped, and so are their counts.
    expect(await insertCallLogs(db, rows)).toBe(3);
    const hourly = () =>
      db.callLogHourly.findMany({
        where: { tenantId: tenant.id },
        orderBy: [{ dimension: "asc" }, { hour: "asc" }, { serverId: "asc" }, { key: "asc" }],
      });
    const incremental = await hourly();
    const series = (dimension: string) =>
      incremental
        .filter((row) => row.dimension === dimension)
        .map((row) => [row.hour.getTime() - base, row.serverId, row.key, row.calls]);
    // Tool calls only: the initialize request counts nowhere.
    expect(series("decision")).toEqual([
      [0, "srv_a", "allow", 2n],
      [3_600_000, "srv_a", "deny", 2n],
      [7_200_000, "srv_a", "rate_limited", 1n],
      [7_200_000, "srv_b", "allow", 1n],
    ]);
    expect(series("tool")).toEqual([
      [0, "srv_a", "ListVms", 2n],
      [3_600_000, "srv_a", "DeleteVm", 2n],
      [7_200_000, "srv_a", "MountIso", 1n],
      [7_200_000, "srv_b", "ListVms", 1n],
    ]);
    expect(series("held")).toEqual([[3_600_000, "srv_a", "deny", 1n]]);
    expect(series("denied_rule")).toEqual([
      [3_600_000, "srv_a", "(default deny)", 2n],
      [7_200_000, "srv_a", "(default deny)", 1n],
    ]);
    // Recomputing from the raw rows gives the same rollups.
    await rebuildCallLogRollups(db, tenant.id);
    expect(await hourly()).toEqual(incremental);

    const stats = await callLogStats(db, tenant.id, {
      from: new Date(base),
      to: new Date(base + 3 * 3_600_000),
      bucketSeconds: 3_600,
    });
    expect(stats.buckets.map((b) => [b.bucket.getTime() - base, b.decision, b.calls, b.held])).toEqual([
      [0, "allow", 2, 0],
      [3_600_000, "deny", 2, 1],
      [7_200_000, "allow", 1, 0],
      [7_200_000, "rate_limited", 1, 0],
    ]);
    expect(stats.topTools).toEqual([
      { name: "ListVms", calls: 3 },
      { name: "DeleteVm", calls: 2 },
      { name: "MountIso", calls: 1 },
    ]);
    expect(stats.topDeniedRules).toEqual([{ name: "(default deny)", calls: 3 }]);
    const serverB = await callLogStats(db, tenant.id, {
      from: new Date(base),
      to: new Date(base + 6 * 3_600_000),
      bucketSeconds: 6 * 3_600,
      serverId: "srv_b",
    });
    expect(serverB.buckets.map((b) => [b.bucket.getTime() - base, b.decision, b.calls])).toEqual([
      [0, "allow", 1],
    ]);
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
