import { describe, expect, it } from "vitest";
import { type CallLogRecord, type Decision, insertCallLogs, listCallLogs, newId } from "../src/index";
import { newTenant, useTestDb } from "./support/test-db";

const db = useTestDb();

const BASE = Date.parse("2030-05-01T12:00:00.000Z");

function record(tenantId: string, i: number, overrides: Partial<CallLogRecord> = {}): CallLogRecord {
  return {
    id: newId("req"),
    tenantId,
    serverId: "srv_a",
    grantId: "grt_a",
    grantLabel: "alice-laptop",
    sessionId: null,
    method: "tools/call",
    tool: "MountIso",
    decision: "allow",
    rule: "/tools/MountIso",
    message: null,
    policyVersion: 1,
    upstreamStatus: 200,
    latencyMs: 1.5,
    argumentKeys: ["iso_path"],
    arguments: null,
    // three rows share each millisecond, so the id must break ties
    createdAt: new Date(BASE - Math.floor(i / 3) * 1000),
    ...overrides,
  };
}

describe("insertCallLogs", () => {
  it("inserts a batch and skips rows already stored (retry-safe)", async () => {
    const { tenant } = await newTenant(db);
    const batch = [record(tenant.id, 0), record(tenant.id, 1, { arguments: { iso_path: "/x.iso" } })];
    expect(await insertCallLogs(db, batch)).toBe(2);
    expect(await insertCallLogs(db, [...batch, record(tenant.id, 2)])).toBe(1);
    expect(await insertCallLogs(db, [])).toBe(0);
    const { rows } = await listCallLogs(db, tenant.id, {}, { limit: 10 });
    expect(rows).toHaveLength(3);
    const withArgs = rows.find((r) => r.id === batch[1]?.id);
    expect(withArgs?.arguments).toEqual({ iso_path: "/x.iso" });
    expect(withArgs?.argumentKeys).toEqual(["iso_path"]);
  });
});

describe("insertCallLogs column round trip", () => {
  it("stores every field as given, including nulls, empty keys and awkward text", async () => {
    const { tenant } = await newTenant(db);
    const full = record(tenant.id, 0, {
      sessionId: "sess-1",
      decision: "rate_limited",
      message: "quote ' comma , brace { \\ backslash",
      argumentKeys: ["a,b", 'say "hi"', "{x}"],
      arguments: { nested: [1, null, { k: "v" }] },
      latencyMs: 0.125,
      held: true,
      createdAt: new Date("2030-05-01T12:00:00.123Z"),
    });
    const bare = record(tenant.id, 1, {
      tool: null,
      rule: null,
      policyVersion: null,
      upstreamStatus: null,
      argumentKeys: [],
      decision: "error",
    });
    expect(await insertCallLogs(db, [full, bare])).toBe(2);
    const { rows } = await listCallLogs(db, tenant.id, {}, { limit: 10 });
    const stored = new Map(rows.map((row) => [row.id, row]));
    expect(stored.get(full.id)).toMatchObject({ ...full, arguments: full.arguments });
    expect(stored.get(bare.id)).toMatchObject({ ...bare, arguments: null });
  });
});

describe("listCallLogs", () => {
  it("pages through every row exactly once, newest first, ties broken by id", async () => {
    const { tenant } = await newTenant(db);
    const records = Array.from({ length: 23 }, (_, i) => record(tenant.id, i));
    await insertCallLogs(db, records);
    const expected = [...records]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);
    const seen: string[] = [];
    let cursor: { createdAt: Date; id: string } | undefined;
    let pages = 0;
    for (;;) {
      const page = await listCallLogs(db, tenant.id, {}, cursor ? { limit: 5, cursor } : { limit: 5 });
      seen.push(...page.rows.map((r) => r.id));
      pages++;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);
  });

  it("ANDs the filters and searches tool, rule, message and grant label", async () => {
    const { tenant } = await newTenant(db);
    const rows: CallLogRecord[] = [
      record(tenant.id, 0),
      record(tenant.id, 3, { tool: "DeleteVm", decision: "deny", rule: "(default deny)", message: "Nope" }),
      record(tenant.id, 6, { grantId: "grt_b", grantLabel: "ci-runner", decision: "rate_limited" }),
      record(tenant.id, 9, { serverId: "srv_b", tool: "vm_management", message: "action DELETE refused" }),
      record(tenant.id, 12, { decision: "approved", held: true, tool: "StopVm" }),
      record(tenant.id, 15, { decision: "deny", held: true, tool: "StopVm" }),
      record(tenant.id, 18, { method: "initialize", tool: null, rule: null }),
    ];
    await insertCallLogs(db, rows);
    const ids = async (filter: Parameters<typeof listCallLogs>[2]) =>
      (await listCallLogs(db, tenant.id, filter, { limit: 50 })).rows.map((r) => r.id).sort();
    const idOf = (i: number) => rows[i]?.id ?? "";
    expect(await ids({ decision: "deny" as Decision })).toEqual([idOf(1), idOf(5)].sort());
    // "sent for approval" finds every held call, whatever the human decided
    expect(await ids({ decision: "approval_pending" })).toEqual([idOf(4), idOf(5)].sort());
    expect(await ids({ method: "initialize" })).toEqual([idOf(6)]);
    expect(await ids({ grantId: "grt_b" })).toEqual([idOf(2)]);
    expect(await ids({ serverId: "srv_a", tool: "MountIso" })).toEqual([idOf(0), idOf(2)].sort());
    expect(await ids({ method: "tools/call", tool: "StopVm" })).toEqual([idOf(4), idOf(5)].sort());
    expect(await ids({ rule: "(default deny)" })).toEqual([idOf(1)]);
    expect(await ids({ search: "delete" })).toEqual([idOf(1), idOf(3)].sort());
    expect(await ids({ search: "CI-RUN" })).toEqual([idOf(2)]);
    expect(await ids({ search: "delete", serverId: "srv_b" })).toEqual([idOf(3)]);
    // from inclusive, to exclusive: rows 0 (BASE) and 1 (BASE - 1 s)
    expect(await ids({ from: new Date(BASE - 1000), to: new Date(BASE + 1) })).toEqual(
      [idOf(0), idOf(1)].sort(),
    );
    expect(await ids({ from: new Date(BASE - 1000), to: new Date(BASE) })).toEqual([idOf(1)]);
  });

  it("never returns another tenant's logs", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    await insertCallLogs(db, [record(a.tenant.id, 0)]);
    expect((await listCallLogs(db, b.tenant.id, {}, { limit: 10 })).rows).toEqual([]);
    expect((await listCallLogs(db, b.tenant.id, { search: "MountIso" }, { limit: 10 })).rows).toEqual([]);
  });
});
