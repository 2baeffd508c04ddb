import { describe, expect, it } from "vitest";
import {
  consumeOAuthRecord,
  createGrant,
  findOAuthRecord,
  findOAuthRecordByUid,
  revokeGrant,
  upsertOAuthRecord,
} from "../src/index";
import { newTenant, uniqueHash, useTestDb } from "./support/test-db";

const db = useTestDb();
const now = () => new Date();

describe("OAuth records", () => {
  it("keeps only a hash of the id, so a stored code or refresh token cannot be read back", async () => {
    const { tenant } = await newTenant(db);
    const key = { tenantId: tenant.id, kind: "RefreshToken", id: `rt-${uniqueHash()}` };
    await upsertOAuthRecord(db, key, {
      payload: { kind: "RefreshToken", grantId: "grt_1" },
      expiresAt: null,
    });
    const rows = await db.oAuthRecord.findMany({ where: { tenantId: tenant.id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(key.id);
    expect(await findOAuthRecord(db, key, now())).toMatchObject({ grantId: "grt_1" });
    // Another tenant or another kind with the same id finds nothing.
    const other = await newTenant(db);
    expect(await findOAuthRecord(db, { ...key, tenantId: other.tenant.id }, now())).toBeNull();
    expect(await findOAuthRecord(db, { ...key, kind: "AuthorizationCode" }, now())).toBeNull();
  });

  it("consumes a code once, even when two requests race, and forgets expired records", async () => {
    const { tenant } = await newTenant(db);
    const key = { tenantId: tenant.id, kind: "AuthorizationCode", id: `code-${uniqueHash()}` };
    await upsertOAuthRecord(db, key, {
      payload: { kind: "AuthorizationCode" },
      expiresAt: new Date(Date.now() + 60_000),
    });
    const results = await Promise.all([
      consumeOAuthRecord(db, key, now()),
      consumeOAuthRecord(db, key, now()),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await findOAuthRecord(db, key, now()))?.consumed).toEqual(expect.any(Number));
    const expired = { ...key, id: `code-${uniqueHash()}` };
    await upsertOAuthRecord(db, expired, {
      payload: { kind: "AuthorizationCode" },
      expiresAt: new Date(Date.now() - 1),
    });
    expect(await findOAuthRecord(db, expired, now())).toBeNull();
  });

  it("finds sessions by uid, and revoking a grant deletes every record issued under it", async () => {
    const { tenant } = await newTenant(db);
    const session = { tenantId: tenant.id, kind: "Session", id: `s-${uniqueHash()}` };
    await upsertOAuthRecord(db, session, { payload: { uid: "uid-1" }, uid: "uid-1", expiresAt: null });
    expect(await findOAuthRecordByUid(db, { ...session, id: "uid-1" }, now())).toMatchObject({
      uid: "uid-1",
    });
    const grant = await createGrant(db, tenant.id, {
      label: "oauth",
      tokenHash: uniqueHash(),
      tokenPrefix: "oauth",
    });
    const refresh = { tenantId: tenant.id, kind: "RefreshToken", id: `rt-${uniqueHash()}` };
    await upsertOAuthRecord(db, refresh, {
      payload: { grantId: grant.id },
      grantId: grant.id,
      expiresAt: null,
    });
    await revokeGrant(db, tenant.id, grant.id);
    expect(await findOAuthRecord(db, refresh, now())).toBeNull();
    expect(await findOAuthRecordByUid(db, { ...session, id: "uid-1" }, now())).not.toBeNull();
  });
});
