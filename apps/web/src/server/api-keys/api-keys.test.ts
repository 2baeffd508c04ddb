import { listAuditEvents } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import { afterAll, describe, expect, it } from "vitest";
import { newTenant, testDb } from "../../../test/test-tenant";
import { createApiKey } from "./create-api-key";
import { ensureDemoApiKey } from "./ensure-demo-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

const db = testDb();
afterAll(async () => {
  await db.$disconnect();
});

describe("API keys", () => {
  it("creates a key stored only as its hash, lists it and revokes it, auditing both", async () => {
    const { ctx } = await newTenant(db);
    const { key, apiKey } = await createApiKey(db, ctx, { label: "ci-deploy", role: "policy_manager" });
    expect(key).toMatch(/^tg_key_/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.keyHash).toBe(hashToken(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect((await listApiKeys(db, ctx)).map((view) => [view.label, view.role, view.status])).toEqual([
      ["ci-deploy", "policy_manager", "active"],
    ]);
    expect((await revokeApiKey(db, ctx, apiKey.id)).status).toBe("revoked");
    const actions = (await listAuditEvents(db, ctx.tenantId)).map((event) => event.action);
    expect(actions).toEqual(["api_key.revoked", "api_key.created"]);
  });

  it("lets only admins manage keys, and only their own organisation's", async () => {
    const { ctx } = await newTenant(db);
    const other = await newTenant(db);
    const input = { label: "x", role: "admin" as const };
    await expect(createApiKey(db, { ...ctx, role: "policy_manager" }, input)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(listApiKeys(db, { ...ctx, role: "viewer" })).rejects.toMatchObject({ code: "forbidden" });
    const { apiKey } = await createApiKey(db, ctx, input);
    await expect(revokeApiKey(db, other.ctx, apiKey.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("reuses the demo key while it is active in that organisation, else makes a new one", async () => {
    const { ctx, tenantSlug } = await newTenant(db);
    const first = await ensureDemoApiKey(db, { tenantSlug, label: "demo-cli", previousKey: null });
    expect(await ensureDemoApiKey(db, { tenantSlug, label: "demo-cli", previousKey: first })).toBe(first);
    const [view] = await listApiKeys(db, ctx);
    await revokeApiKey(db, ctx, view?.id ?? "");
    const replaced = await ensureDemoApiKey(db, { tenantSlug, label: "demo-cli", previousKey: first });
    expect(replaced).not.toBe(first);
  });
});
