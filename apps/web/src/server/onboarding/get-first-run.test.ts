import { createGrant, insertCallLogs, newId, publishPolicy } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { getFirstRun } from "./get-first-run";

const db = testDb();
afterAll(() => db.$disconnect());

const doneSteps = async (ctx: Parameters<typeof getFirstRun>[1]) =>
  (await getFirstRun(db, ctx)).filter((step) => step.done).map((step) => step.id);

describe("getFirstRun", () => {
  it("ticks each step from the tenant's own state: server, published policy, grant, first tool call", async () => {
    const a = await newTenant(db, "a");
    const b = await newTenant(db, "b");
    expect(await doneSteps(a.ctx)).toEqual([]);

    const server = await newServerRow(db, a.tenantId);
    expect(await doneSteps(a.ctx)).toEqual(["server"]);
    const steps = await getFirstRun(db, a.ctx);
    expect(steps.find((step) => step.id === "policy")?.href).toBe(`/servers/${server.id}/policy`);

    await publishPolicy(db, a.tenantId, server.id, { document: { version: "1", default: "deny" } });
    expect(await doneSteps(a.ctx)).toEqual(["server", "policy"]);

    const grant = await createGrant(db, a.tenantId, {
      label: "ci",
      tokenHash: `hash-${newId("req")}`,
      tokenPrefix: "tg_grt_x",
    });
    expect(await doneSteps(a.ctx)).toEqual(["server", "policy", "grant"]);

    const call = {
      id: newId("req"),
      tenantId: a.tenantId,
      serverId: server.id,
      grantId: grant.id,
      grantLabel: "ci",
      sessionId: null,
      method: "initialize",
      tool: null,
      decision: "allow" as const,
      rule: null,
      message: null,
      policyVersion: null,
      upstreamStatus: 200,
      latencyMs: 1,
      argumentKeys: [],
      arguments: null,
      createdAt: new Date(),
    };
    // Protocol traffic is not a first call; a tool call is.
    await insertCallLogs(db, [call]);
    expect(await doneSteps(a.ctx)).toEqual(["server", "policy", "grant"]);
    await insertCallLogs(db, [{ ...call, id: newId("req"), method: "tools/call", tool: "ListVms" }]);
    expect(await doneSteps(a.ctx)).toEqual(["server", "policy", "grant", "call"]);

    // Another organisation's progress is its own.
    expect(await doneSteps(b.ctx)).toEqual([]);
  });
});
