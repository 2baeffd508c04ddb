import { describe, expect, it } from "vitest";
import { listAuditEvents, recordAudit } from "../src/index";
import { newTenant, useTestDb } from "./support/test-db";

const db = useTestDb();

describe("audit", () => {
  it("records events and lists them newest first, per tenant", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    await recordAudit(db, a.tenant.id, {
      actorUserId: a.user.id,
      actorLabel: "ada@example.test",
      action: "grant.created",
      targetType: "grant",
      targetId: "grt_1",
      data: { label: "ci" },
    });
    await recordAudit(db, a.tenant.id, {
      action: "policy.published",
      targetType: "server",
      targetId: "srv_1",
    });
    const events = await listAuditEvents(db, a.tenant.id);
    expect(events.map((e) => e.action)).toEqual(["policy.published", "grant.created"]);
    expect(events[1]).toMatchObject({ actorUserId: a.user.id, data: { label: "ci" } });
    expect(events[0]).toMatchObject({ actorUserId: null, actorLabel: "", data: null });
    expect(await listAuditEvents(db, a.tenant.id, 1)).toHaveLength(1);
    expect(await listAuditEvents(db, b.tenant.id)).toEqual([]);
  });
});
