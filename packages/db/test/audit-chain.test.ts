import { describe, expect, it } from "vitest";
import {
  chainUnchainedAuditEvents,
  createGrant,
  recordAudit,
  revokeGrant,
  tenantsWithUnchainedAuditEvents,
  verifyAuditChain,
  withAudit,
} from "../src/index";
import { newTenant, uniqueHash, useTestDb } from "./support/test-db";

const db = useTestDb();

async function tenantWithEvents(count: number) {
  const { tenant } = await newTenant(db);
  for (let i = 1; i <= count; i++) {
    await recordAudit(db, tenant.id, {
      action: "grant.created",
      targetType: "grant",
      targetId: `grt_${i}`,
      data: { label: `agent-${i}`, nested: { b: 2, a: [1, "x"] } },
    });
  }
  return tenant.id;
}

async function eventAt(tenantId: string, seq: number) {
  return db.auditEvent.findFirstOrThrow({ where: { tenantId, seq } });
}

describe("the audit hash chain", () => {
  it("links each tenant's events in order and verifies", async () => {
    const tenantId = await tenantWithEvents(4);
    const events = await db.auditEvent.findMany({ where: { tenantId }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
    expect(await verifyAuditChain(db, tenantId)).toEqual({
      ok: true,
      checked: 4,
      unchained: 0,
      broken: null,
    });
  });

  it("detects an edited row", async () => {
    const tenantId = await tenantWithEvents(4);
    const target = await eventAt(tenantId, 2);
    await db.$executeRaw`UPDATE "AuditEvent" SET "data" = '{"label":"someone-else"}'::jsonb WHERE "id" = ${target.id}`;
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({
      ok: false,
      broken: { seq: 2, eventId: target.id, problem: "edited" },
    });
  });

  it("detects an edited actor even when the row's hash was replaced too", async () => {
    const tenantId = await tenantWithEvents(3);
    const target = await eventAt(tenantId, 2);
    await db.auditEvent.update({
      where: { id: target.id },
      data: { actorLabel: "mallory", hash: uniqueHash() },
    });
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({
      ok: false,
      broken: { seq: 2, problem: "edited" },
    });
  });

  it("detects a deleted row, in the middle or at the end", async () => {
    const middle = await tenantWithEvents(4);
    await db.auditEvent.delete({ where: { id: (await eventAt(middle, 2)).id } });
    expect(await verifyAuditChain(db, middle)).toMatchObject({
      ok: false,
      broken: { seq: 2, problem: "missing" },
    });

    const end = await tenantWithEvents(3);
    await db.auditEvent.delete({ where: { id: (await eventAt(end, 3)).id } });
    expect(await verifyAuditChain(db, end)).toMatchObject({
      ok: false,
      broken: { seq: 3, problem: "head_mismatch" },
    });
  });

  it("stays one unbroken chain under concurrent appends", async () => {
    const { tenant } = await newTenant(db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit(db, tenant.id, { action: "member.invited", targetType: "invite", targetId: `inv_${i}` }),
      ),
    );
    expect(await verifyAuditChain(db, tenant.id)).toEqual({
      ok: true,
      checked: 20,
      unchained: 0,
      broken: null,
    });
  });
});

describe("events from before the chain existed", () => {
  it("are linked onto the end of the chain, oldest first, and then an edit of one is detected", async () => {
    const tenantId = await tenantWithEvents(2);
    // As the rows the migration found: no seq, no hashes, older than the chained ones.
    for (const [i, day] of [3, 1, 2].entries()) {
      await db.auditEvent.create({
        data: {
          id: `aud_old_${tenantId}_${i}`,
          tenantId,
          action: "server.added",
          targetType: "server",
          targetId: `srv_${day}`,
          data: { day },
          createdAt: new Date(Date.UTC(2026, 0, day)),
        },
      });
    }
    expect(await verifyAuditChain(db, tenantId)).toEqual({
      ok: true,
      checked: 2,
      unchained: 3,
      broken: null,
    });
    expect(await tenantsWithUnchainedAuditEvents(db)).toContain(tenantId);

    // Batches of 2: three events take two transactions and keep their order.
    expect(await chainUnchainedAuditEvents(db, tenantId, 2)).toBe(3);
    expect(await verifyAuditChain(db, tenantId)).toEqual({
      ok: true,
      checked: 5,
      unchained: 0,
      broken: null,
    });
    const adopted = await db.auditEvent.findMany({
      where: { tenantId, seq: { gt: 2 } },
      orderBy: { seq: "asc" },
    });
    expect(adopted.map((event) => event.targetId)).toEqual(["srv_1", "srv_2", "srv_3"]);
    expect(await tenantsWithUnchainedAuditEvents(db)).not.toContain(tenantId);
    expect(await chainUnchainedAuditEvents(db, tenantId)).toBe(0);

    // New events go on after the adopted ones.
    await recordAudit(db, tenantId, { action: "grant.created", targetType: "grant", targetId: "grt_after" });
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({ ok: true, checked: 6 });

    await db.auditEvent.update({ where: { id: adopted[1]?.id }, data: { targetId: "srv_other" } });
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({
      ok: false,
      broken: { seq: 4, eventId: adopted[1]?.id, problem: "edited" },
    });
  });
});

describe("withAudit", () => {
  it("commits the change and its audit event together, or neither", async () => {
    const { tenant } = await newTenant(db);
    // The audit event cannot be recorded (its data is not JSON): the revocation made before it rolls back.
    const again = await createGrant(db, tenant.id, {
      label: "ci2",
      tokenHash: uniqueHash(),
      tokenPrefix: "grt_y",
    });
    await expect(
      withAudit(
        db,
        tenant.id,
        (tx) => revokeGrant(tx, tenant.id, again.id),
        () => ({ action: "grant.revoked", targetType: "grant", targetId: "x".repeat(10), data: 1n }),
      ),
    ).rejects.toThrow();
    const row = await db.grant.findUniqueOrThrow({ where: { id: again.id } });
    expect(row.revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { tenantId: tenant.id, targetId: "x".repeat(10) } })).toBe(0);
    expect((await verifyAuditChain(db, tenant.id)).ok).toBe(true);
  });
});
