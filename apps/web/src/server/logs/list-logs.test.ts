import { type CallLogRecord, insertCallLogs, newId } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { listLogs, logQuerySchema } from "./list-logs";

const db = testDb();
afterAll(() => db.$disconnect());

function logRecord(tenantId: string, serverId: string, index: number, tool: string): CallLogRecord {
  return {
    id: newId("req"),
    tenantId,
    serverId,
    grantId: "grt_test",
    grantLabel: "alice-laptop",
    sessionId: null,
    method: "tools/call",
    tool,
    decision: tool === "DeleteVm" ? "deny" : "allow",
    rule: tool === "DeleteVm" ? "(default deny)" : "/tools/MountIso",
    message: null,
    policyVersion: 1,
    upstreamStatus: 200,
    latencyMs: 1.5,
    argumentKeys: ["vm_name"],
    arguments: null,
    createdAt: new Date(Date.UTC(2026, 10, 25, 10, 0, index)),
  };
}

describe("listLogs", () => {
  it("pages newest first through the tenant's own calls only", async () => {
    const a = await newTenant(db, "a");
    const b = await newTenant(db, "b");
    const serverA = await newServerRow(db, a.tenantId);
    const serverB = await newServerRow(db, b.tenantId);
    await insertCallLogs(db, [
      ...Array.from({ length: 5 }, (_, i) =>
        logRecord(a.tenantId, serverA.id, i, i % 2 === 0 ? "MountIso" : "DeleteVm"),
      ),
      logRecord(b.tenantId, serverB.id, 9, "MountIso"),
    ]);

    const first = await listLogs(db, a.ctx, logQuerySchema.parse({}), 3);
    expect(first.rows.map((row) => row.createdAt.getUTCSeconds())).toEqual([4, 3, 2]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listLogs(db, a.ctx, logQuerySchema.parse({ cursor: first.nextCursor }), 3);
    expect(second.rows.map((row) => row.createdAt.getUTCSeconds())).toEqual([1, 0]);
    expect(second.nextCursor).toBeNull();

    const denied = await listLogs(db, a.ctx, logQuerySchema.parse({ decision: "deny" }));
    expect(denied.rows.map((row) => row.tool)).toEqual(["DeleteVm", "DeleteVm"]);

    const other = await listLogs(db, b.ctx, logQuerySchema.parse({ server: serverA.id }));
    expect(other.rows).toEqual([]);
  });

  it("ignores filter values it does not understand instead of failing the page", () => {
    expect(logQuerySchema.parse({ decision: "maybe", tool: "", server: undefined })).toEqual({
      server: undefined,
      decision: undefined,
      tool: undefined,
      method: "tools/call",
      cursor: undefined,
    });
  });
});
