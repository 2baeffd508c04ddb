import { getCurrentPolicy } from "@toolgate/db";
import { diffPolicyDocuments } from "@toolgate/policy-core";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { userMessage } from "../errors";
import { builderHistory } from "./builder-history";
import { publishPolicy } from "./publish-policy";
import { rollbackPolicy } from "./rollback-policy";

const db = testDb();
afterAll(() => db.$disconnect());

const limit = { counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" };
const v1 = { version: "1", default: "deny", tools: { MountIso: { limits: [limit] } } };
const v2 = { version: "1", default: "deny", tools: { MountIso: { limits: [{ ...limit, max: 5 }] } } };

async function twoVersions() {
  const { ctx, email } = await newTenant(db, "history");
  const server = await newServerRow(db, ctx.tenantId);
  const publish = (document: unknown, baseVersion: number | null, message: string) =>
    publishPolicy(db, ctx, {
      serverId: server.id,
      documentText: JSON.stringify(document),
      baseVersion,
      message,
    });
  await publish(v1, null, "first");
  await publish(v2, 1, "tighter");
  return { ctx, email, serverId: server.id, publish };
}

describe("builder history, conflicts and rollback", () => {
  it("lists each version with its message, author and document, newest first", async () => {
    const { ctx, email, serverId } = await twoVersions();
    const history = await builderHistory(db, ctx, serverId);
    expect(
      history.map(({ version, message, author, current }) => ({ version, message, author, current })),
    ).toEqual([
      { version: 2, message: "tighter", author: email, current: true },
      { version: 1, message: "first", author: email, current: false },
    ]);
    const [newest, oldest] = history;
    expect(diffPolicyDocuments(oldest?.document, newest?.document)).toEqual([
      { path: "/tools/MountIso/limits/0/max", before: 30, after: 5 },
    ]);
  });

  it("gives the second of two editors who started from the same version a conflict, not an overwrite", async () => {
    const { ctx, serverId, publish } = await twoVersions();
    await publish({ ...v2, default: "allow" }, 2, "editor A");
    const late = await publish({ ...v1, hide: ["DeleteVm"] }, 2, "editor B").then(
      () => null,
      (error: unknown) => error,
    );
    expect(late).toMatchObject({ code: "policy_conflict" });
    expect(userMessage(late)).toMatch(/published version 3/);
    expect(await getCurrentPolicy(db, ctx.tenantId, serverId)).toEqual({
      version: 3,
      document: { ...v2, default: "allow" },
    });
  });

  it("rolls back by publishing the old document as a new version, keeping history", async () => {
    const { ctx, serverId } = await twoVersions();
    const result = await rollbackPolicy(db, ctx, serverId, { version: 1, baseVersion: 2 });
    expect(result).toEqual({ version: 3, restoredFrom: 1 });
    expect(await getCurrentPolicy(db, ctx.tenantId, serverId)).toEqual({ version: 3, document: v1 });
    const history = await builderHistory(db, ctx, serverId);
    expect(history.map((entry) => [entry.version, entry.message])).toEqual([
      [3, "Roll back to version 1"],
      [2, "tighter"],
      [1, "first"],
    ]);
  });

  it("refuses a rollback from a stale editor", async () => {
    const { ctx, serverId } = await twoVersions();
    const attempt = rollbackPolicy(db, ctx, serverId, { version: 1, baseVersion: 1 });
    await expect(attempt).rejects.toMatchObject({ code: "policy_conflict" });
    expect((await getCurrentPolicy(db, ctx.tenantId, serverId))?.version).toBe(2);
  });
});
