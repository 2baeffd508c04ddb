import { findGrantByTokenHash } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { createGrant } from "./create-grant";
import { listGrants } from "./list-grants";
import { revokeGrant } from "./revoke-grant";

const db = testDb();
afterAll(() => db.$disconnect());

describe("createGrant", () => {
  it("returns the token once and stores only its hash", async () => {
    const { ctx } = await newTenant(db);
    const { grant, token } = await createGrant(db, ctx, { label: "alice-laptop", serverId: null });
    expect(token).toMatch(/^tg_grt_[A-Za-z0-9_-]{43}$/);

    const stored = await db.grant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(Object.values(stored)).not.toContain(token);
    expect(token.startsWith(stored.tokenPrefix)).toBe(true);

    const listed = await listGrants(db, ctx);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(stored.tokenHash);
    expect(listed.map((g) => [g.label, g.status])).toEqual([["alice-laptop", "active"]]);
  });

  it("binds a grant to one of the tenant's servers, never another tenant's", async () => {
    const owner = await newTenant(db, "owner");
    const other = await newTenant(db, "other");
    const server = await newServerRow(db, owner.tenantId);
    const { grant } = await createGrant(db, owner.ctx, { label: "ci-runner", serverId: server.id });
    expect(grant.serverId).toBe(server.id);
    await expect(createGrant(db, other.ctx, { label: "sneaky", serverId: server.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("does not let a viewer create grants", async () => {
    const { ctx } = await newTenant(db);
    await expect(
      createGrant(db, { ...ctx, role: "viewer" }, { label: "x", serverId: null }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("revokeGrant", () => {
  it("revokes the tenant's own grant, so its token stops resolving to an active grant", async () => {
    const { ctx } = await newTenant(db);
    const { grant, token } = await createGrant(db, ctx, { label: "to-revoke", serverId: null });
    const revoked = await revokeGrant(db, ctx, grant.id);
    expect(revoked.status).toBe("revoked");
    expect((await findGrantByTokenHash(db, hashToken(token)))?.revokedAt).toBeInstanceOf(Date);
  });

  it("cannot revoke another tenant's grant", async () => {
    const owner = await newTenant(db, "owner");
    const other = await newTenant(db, "other");
    const { grant } = await createGrant(db, owner.ctx, { label: "keep-me", serverId: null });
    await expect(revokeGrant(db, other.ctx, grant.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listGrants(db, owner.ctx))[0]?.status).toBe("active");
  });
});
