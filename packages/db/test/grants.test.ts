import { describe, expect, it } from "vitest";
import {
  createGrant,
  createServer,
  findGrantByTokenHash,
  listGrants,
  NotFoundError,
  revokeGrant,
  touchGrantsLastUsed,
} from "../src/index";
import { newTenant, uniqueHash, useTestDb } from "./support/test-db";

const db = useTestDb();

describe("grants", () => {
  it("creates, lists and finds a grant by its token hash", async () => {
    const { tenant, user } = await newTenant(db);
    const tokenHash = uniqueHash();
    const grant = await createGrant(db, tenant.id, {
      label: "alice-laptop",
      tokenHash,
      tokenPrefix: "tg_abc",
      createdById: user.id,
    });
    expect(grant).toMatchObject({
      label: "alice-laptop",
      serverId: null,
      revokedAt: null,
      tenantId: tenant.id,
    });
    expect(grant.id).toMatch(/^grt_/);
    expect((await findGrantByTokenHash(db, tokenHash))?.id).toBe(grant.id);
    expect(await findGrantByTokenHash(db, uniqueHash())).toBeNull();
    expect((await listGrants(db, tenant.id)).map((g) => g.id)).toEqual([grant.id]);
  });

  it("binds a grant only to a server of the same tenant", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const srv = await createServer(db, a.tenant.id, {
      name: "s",
      url: "http://127.0.0.1:9/mcp",
      transport: "sse",
      headersSealed: null,
    });
    const bound = await createGrant(db, a.tenant.id, {
      label: "ci",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
      serverId: srv.id,
    });
    expect(bound.serverId).toBe(srv.id);
    const foreign = createGrant(db, b.tenant.id, {
      label: "x",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
      serverId: srv.id,
    });
    await expect(foreign).rejects.toBeInstanceOf(NotFoundError);
  });

  it("revokes once, idempotently, and only within the tenant", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const grant = await createGrant(db, a.tenant.id, {
      label: "g",
      tokenHash: uniqueHash(),
      tokenPrefix: "tg_",
    });
    expect(await revokeGrant(db, b.tenant.id, grant.id)).toBeNull();
    expect((await findGrantByTokenHash(db, grant.tokenHash))?.revokedAt).toBeNull();
    expect(await listGrants(db, b.tenant.id)).toEqual([]);
    const revoked = await revokeGrant(db, a.tenant.id, grant.id);
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    const again = await revokeGrant(db, a.tenant.id, grant.id);
    expect(again?.revokedAt).toEqual(revoked?.revokedAt);
  });

  it("moves lastUsedAt forward only", async () => {
    const { tenant } = await newTenant(db);
    const g1 = await createGrant(db, tenant.id, { label: "1", tokenHash: uniqueHash(), tokenPrefix: "tg_" });
    const g2 = await createGrant(db, tenant.id, { label: "2", tokenHash: uniqueHash(), tokenPrefix: "tg_" });
    const later = new Date("2030-01-02T03:04:05.678Z");
    const earlier = new Date("2030-01-01T00:00:00.000Z");
    await touchGrantsLastUsed(db, [g1.id, g2.id], later);
    await touchGrantsLastUsed(db, [g1.id], earlier);
    await touchGrantsLastUsed(db, [], earlier);
    const byId = new Map((await listGrants(db, tenant.id)).map((g) => [g.id, g.lastUsedAt]));
    expect(byId.get(g1.id)).toEqual(later);
    expect(byId.get(g2.id)).toEqual(later);
  });
});
