import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { verifyAuditRoute } from "@/server/api/routes/audit-routes";
import { createGrantRoute } from "@/server/api/routes/grant-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import { revokeGrant } from "@/server/grants/revoke-grant";
import * as grants from "../../grants/route";
import * as verify from "./route";

describe("/audit/verify", () => {
  it("confirms an untouched chain and names the event someone edited in the database", async () => {
    const { keys, tenantId } = await newApiTenant();
    expectOk(
      await callApi(grants.POST, { path: "/grants", key: keys.admin, body: { label: "ci" } }),
      createGrantRoute,
    );
    const intact = expectOk(
      await callApi(verify.GET, { path: "/audit/verify", key: keys.admin }),
      verifyAuditRoute,
    );
    expect(intact).toMatchObject({ ok: true, broken: null });
    expect(intact.checked).toBeGreaterThanOrEqual(5);
    const db = apiDb();
    const event = await db.auditEvent.findFirstOrThrow({ where: { tenantId, action: "grant.created" } });
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE "id" = ${event.id}`;
    const tampered = expectOk(
      await callApi(verify.GET, { path: "/audit/verify", key: keys.admin }),
      verifyAuditRoute,
    );
    expect(tampered).toMatchObject({
      ok: false,
      broken: { eventId: event.id, problem: "edited", seq: event.seq },
    });
  });

  it("covers events from before the chain once the chain-audit-events command has run", async () => {
    const { keys, tenantId } = await newApiTenant();
    const db = apiDb();
    // As the rows an upgrade finds: no seq and no hashes.
    await db.auditEvent.create({
      data: {
        id: `aud_old_${tenantId}`,
        tenantId,
        action: "server.added",
        targetType: "server",
        targetId: "srv_old",
      },
    });
    const before = expectOk(
      await callApi(verify.GET, { path: "/audit/verify", key: keys.admin }),
      verifyAuditRoute,
    );
    expect(before.unchained).toBe(1);

    const script = fileURLToPath(new URL("../../../../../../scripts/chain-audit-events.ts", import.meta.url));
    const result = spawnSync(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${tenantId}: 1 event(s) chained`);

    const after = expectOk(
      await callApi(verify.GET, { path: "/audit/verify", key: keys.admin }),
      verifyAuditRoute,
    );
    expect(after).toMatchObject({ ok: true, unchained: 0, checked: before.checked + 1 });
  });

  it("is for admins only", async () => {
    const { keys } = await newApiTenant();
    expectError(await callApi(verify.GET, { path: "/audit/verify", key: keys.viewer }), 403, "forbidden");
  });
});

describe("an audited change", () => {
  it("does not happen when its audit event cannot be written (same transaction)", async () => {
    const { keys, tenantId, ctx } = await newApiTenant();
    const created = (await (
      await callApi(grants.POST, { path: "/grants", key: keys.admin, body: { label: "agent" } })
    ).body) as { grant: { id: string } };
    const db = apiDb();
    // A real failure inside Postgres, for this tenant only: audit inserts are refused.
    const fn = `refuse_audit_${tenantId.replace(/\W/g, "_")}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."tenantId" = '${tenantId}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    try {
      await expect(revokeGrant(db, ctx, created.grant.id)).rejects.toThrow(/audit refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const grant = await db.grant.findUniqueOrThrow({ where: { id: created.grant.id } });
    expect(grant.revokedAt).toBeNull();
  });
});
