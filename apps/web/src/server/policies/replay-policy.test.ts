import { type CallLogRecord, type Decision, insertCallLogs, newId } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { replayPolicy } from "./replay-policy";

const db = testDb();
afterAll(() => db.$disconnect());

const now = new Date("2026-11-20T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

type Row = {
  tool: string | null;
  decision: Decision;
  args?: Record<string, unknown>;
  at?: Date;
  method?: string;
};

function records(tenantId: string, serverId: string, rows: Row[]): CallLogRecord[] {
  return rows.map((row) => ({
    id: newId("log"),
    tenantId,
    serverId,
    grantId: "grt_replay",
    grantLabel: "ci-runner",
    sessionId: null,
    method: row.method ?? "tools/call",
    tool: row.tool,
    decision: row.decision,
    rule: null,
    message: null,
    policyVersion: 1,
    upstreamStatus: 200,
    latencyMs: 1,
    argumentKeys: Object.keys(row.args ?? { vm_name: "x" }),
    arguments: row.args ?? null,
    createdAt: row.at ?? hoursAgo(2),
  }));
}

const times = (n: number, row: Row): Row[] => Array.from({ length: n }, () => row);

const draft = JSON.stringify({
  version: "1",
  default: "deny",
  tools: {
    MountIso: { action: "deny" },
    DeleteVm: {},
    ListVms: { rate_limit: "30/minute" },
    VmManagement: { deny_if: [{ path: "args.action", op: "eq", value: "delete" }] },
  },
});

async function seeded() {
  const { ctx } = await newTenant(db, "replay");
  const server = await newServerRow(db, ctx.tenantId);
  const other = await newServerRow(db, ctx.tenantId, "other");
  await insertCallLogs(db, [
    ...records(ctx.tenantId, server.id, [
      ...times(3, { tool: "MountIso", decision: "allow" }),
      { tool: "MountIso", decision: "approved" },
      ...times(2, { tool: "DeleteVm", decision: "deny" }),
      ...times(2, { tool: "ListVms", decision: "rate_limited" }),
      { tool: "ListVms", decision: "allow" },
      { tool: "VmManagement", decision: "allow", args: { action: "delete", vm_name: "db" } },
      { tool: "VmManagement", decision: "allow", args: { action: "list" } },
      ...times(4, { tool: "VmManagement", decision: "allow" }),
      { tool: "MountIso", decision: "error" },
      { tool: null, decision: "allow", method: "tools/list" },
      ...times(5, { tool: "MountIso", decision: "allow", at: hoursAgo(24 * 10) }),
      { tool: "MountIso", decision: "allow", at: new Date(now.getTime() + 60_000) },
    ]),
    ...records(ctx.tenantId, other.id, times(7, { tool: "DeleteVm", decision: "deny" })),
  ]);
  return { ctx, serverId: server.id };
}

describe("replayPolicy", () => {
  it("counts what the draft would change over the last 7 days, grouped by tool and rule", async () => {
    const { ctx, serverId } = await seeded();
    const result = await replayPolicy(db, ctx, { serverId, documentText: draft, days: 7 }, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.changed).toEqual([
      { tool: "MountIso", rule: "/tools/MountIso", from: "allowed", to: "denied", count: 4 },
      { tool: "DeleteVm", rule: "/tools/DeleteVm", from: "denied", to: "allowed", count: 2 },
      {
        tool: "VmManagement",
        rule: "/tools/VmManagement/deny_if/0",
        from: "allowed",
        to: "denied",
        count: 1,
      },
    ]);
    // Four VmManagement calls were logged with keys only: their outcome hangs on args.action.
    expect(result.report.unknown).toEqual([{ tool: "VmManagement", rule: "/tools/VmManagement", count: 4 }]);
    // ListVms: 2 rate-limited calls stay limited, 1 allowed stays allowed; VmManagement list stays allowed.
    expect(result.report).toMatchObject({ compared: 15, unchanged: 4, skipped: 2, truncated: false });
  });

  it("replays resource reads, prompt gets and completions with the draft's resource and prompt rules", async () => {
    const { ctx } = await newTenant(db, "replay-access");
    const server = await newServerRow(db, ctx.tenantId);
    const access = (method: string, tool: string, decision: Decision): Row => ({
      method,
      tool,
      decision,
      args: {},
    });
    await insertCallLogs(
      db,
      records(ctx.tenantId, server.id, [
        ...times(3, access("resources/read", "resource:vbox://host/audit-log", "allow")),
        access("resources/subscribe", "resource:vbox://host/audit-log", "allow"),
        ...times(2, access("resources/read", "resource:vbox://host/info", "allow")),
        ...times(2, access("resources/read", "resource:vbox://host/info", "rate_limited")),
        ...times(2, access("prompts/get", "prompt:triage-vm", "deny")),
        access("prompts/get", "prompt:wipe-host", "allow"),
        access("completion/complete", "resource:vbox://vms/{name}/config", "allow"),
        access("completion/complete", "prompt:triage-vm", "deny"),
        access("resources/list", "", "allow"),
      ]),
    );
    const accessDraft = JSON.stringify({
      version: "1",
      default: "deny",
      hide: ["prompt:wipe-*"],
      resources: {
        "vbox://host/info": { rate_limit: "10/minute" },
        "vbox://host/audit-log": { action: "require_approval" },
      },
      prompts: { "triage-*": {} },
    });
    const result = await replayPolicy(
      db,
      ctx,
      { serverId: server.id, documentText: accessDraft, days: 7 },
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rule = (key: string) => `/resources/${key.replaceAll("/", "~1")}`;
    expect(result.report.changed).toEqual([
      {
        tool: "resource:vbox://host/audit-log",
        rule: rule("vbox://host/audit-log"),
        from: "allowed",
        to: "approval",
        count: 4,
      },
      { tool: "prompt:triage-vm", rule: "/prompts/triage-*", from: "denied", to: "allowed", count: 2 },
      { tool: "prompt:triage-vm", rule: "(listed)", from: "denied", to: "allowed", count: 1 },
      { tool: "prompt:wipe-host", rule: "(hidden)", from: "allowed", to: "denied", count: 1 },
      {
        tool: "resource:vbox://vms/{name}/config",
        rule: "(default deny)",
        from: "allowed",
        to: "denied",
        count: 1,
      },
    ]);
    // host/info: 2 allowed stay allowed, 2 rate-limited stay limited; resources/list is not a decision to replay.
    expect(result.report).toMatchObject({ compared: 13, unchanged: 4, skipped: 1 });
  });

  it("widens the window to 30 days", async () => {
    const { ctx, serverId } = await seeded();
    const result = await replayPolicy(db, ctx, { serverId, documentText: draft, days: 30 }, now);
    const mount = result.ok ? result.report.changed.find((change) => change.tool === "MountIso") : undefined;
    expect(mount?.count).toBe(9);
  });

  it("reports the issues of an invalid draft and replays nothing", async () => {
    const { ctx, serverId } = await seeded();
    const result = await replayPolicy(db, ctx, { serverId, documentText: '{"version":"1"}', days: 1 }, now);
    expect(result).toEqual({ ok: false, issues: [{ path: "/default", message: '"default" is required' }] });
  });

  it("does not read another tenant's logs", async () => {
    const { serverId } = await seeded();
    const intruder = await newTenant(db, "intruder");
    const attempt = replayPolicy(db, intruder.ctx, { serverId, documentText: draft, days: 7 }, now);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
  });
});
