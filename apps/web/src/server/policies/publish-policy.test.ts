import { readFileSync } from "node:fs";
import { getCurrentPolicy } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { AppError } from "../app-error";
import { userMessage } from "../errors";
import { publishPolicy } from "./publish-policy";
import { validatePolicy } from "./validate-policy";

const canonicalText = readFileSync(new URL("../../fixtures/canonical-policy.json", import.meta.url), "utf8");
const db = testDb();
afterAll(() => db.$disconnect());

describe("publishPolicy", () => {
  it("publishes the canonical policy as version 1", async () => {
    const { ctx } = await newTenant(db);
    const server = await newServerRow(db, ctx.tenantId);
    const result = await publishPolicy(db, ctx, {
      serverId: server.id,
      documentText: canonicalText,
      baseVersion: null,
    });
    expect(result).toEqual({ ok: true, version: 1 });
    const current = await getCurrentPolicy(db, ctx.tenantId, server.id);
    expect(current?.version).toBe(1);
    expect(current?.document).toEqual(JSON.parse(canonicalText));
  });

  it("rejects an unknown field, naming its JSON path, and stores nothing", async () => {
    const { ctx } = await newTenant(db);
    const server = await newServerRow(db, ctx.tenantId);
    const documentText = JSON.stringify({ version: "1", default: "deny", colour: "blue" });
    const result = await publishPolicy(db, ctx, { serverId: server.id, documentText, baseVersion: null });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toContain("/colour");
    expect(await getCurrentPolicy(db, ctx.tenantId, server.id)).toBeNull();
  });

  it("does not let a viewer publish", async () => {
    const { ctx } = await newTenant(db);
    const server = await newServerRow(db, ctx.tenantId);
    const viewer = { ...ctx, role: "viewer" as const };
    const attempt = publishPolicy(db, viewer, {
      serverId: server.id,
      documentText: canonicalText,
      baseVersion: null,
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect(await getCurrentPolicy(db, ctx.tenantId, server.id)).toBeNull();
  });

  it("refuses to overwrite a version published since the editor loaded", async () => {
    const { ctx } = await newTenant(db);
    const server = await newServerRow(db, ctx.tenantId);
    await publishPolicy(db, ctx, { serverId: server.id, documentText: canonicalText, baseVersion: null });
    await publishPolicy(db, ctx, { serverId: server.id, documentText: canonicalText, baseVersion: 1 });
    const stale = await publishPolicy(db, ctx, {
      serverId: server.id,
      documentText: canonicalText,
      baseVersion: 1,
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(userMessage(stale)).toMatch(/published version 2 .*Reload/);
    expect((await getCurrentPolicy(db, ctx.tenantId, server.id))?.version).toBe(2);
  });

  it("cannot publish to another tenant's server", async () => {
    const owner = await newTenant(db, "owner");
    const intruder = await newTenant(db, "intruder");
    const server = await newServerRow(db, owner.tenantId);
    const attempt = publishPolicy(db, intruder.ctx, {
      serverId: server.id,
      documentText: canonicalText,
      baseVersion: null,
    });
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
    expect(await getCurrentPolicy(db, owner.tenantId, server.id)).toBeNull();
  });
});

describe("validatePolicy", () => {
  it("accepts the canonical policy", () => {
    expect(validatePolicy(canonicalText)).toEqual({ ok: true });
  });

  it("reports a JSON syntax error at the root", () => {
    const result = validatePolicy('{ "version": "1", ');
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.issues[0]?.path).toBe("");
  });
});
