import { type ChangeEvent, listenForChanges, newId } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../../../test/test-env";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { acceptToolDefinition } from "../catalogue/accept-tool-definition";
import { decideApproval } from "./decide-approval";

const db = testDb();
afterAll(() => db.$disconnect());

/** Collects change notifications until `match` sees one, as a gateway would receive them. */
async function expectNotified(match: (event: ChangeEvent) => boolean, act: () => Promise<unknown>) {
  const seen: ChangeEvent[] = [];
  let found: (event: ChangeEvent) => void = () => {};
  const arrived = new Promise<ChangeEvent>((resolve) => {
    found = resolve;
  });
  const listener = await listenForChanges(testDatabaseUrl(), (event) => {
    seen.push(event);
    if (match(event)) found(event);
  });
  try {
    await act();
    return await Promise.race([
      arrived,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`not notified; saw ${JSON.stringify(seen)}`)), 10_000),
      ),
    ]);
  } finally {
    await listener.close();
  }
}

describe("the gateway is told about dashboard decisions", () => {
  it("notifies an approval decision, so the held call is released at once", async () => {
    const { ctx, tenantId } = await newTenant(db, "approver");
    const approval = await db.approval.create({
      data: {
        id: newId("apr"),
        tenantId,
        serverId: "srv_x",
        grantId: "grt_x",
        tool: "DeleteVm",
        argumentsHash: "h",
        arguments: { vm_name: "debian-db" },
        rule: "/tools/DeleteVm",
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    const event = await expectNotified(
      (candidate) => candidate.kind === "approval" && candidate.approvalId === approval.id,
      () => decideApproval(db, ctx, approval.id, { decision: "approved" }),
    );
    expect(event).toEqual({ kind: "approval", tenantId, approvalId: approval.id });
  });

  it("notifies an accepted tool definition, so the gateway lifts the quarantine", async () => {
    const { ctx, tenantId } = await newTenant(db, "reviewer");
    const server = await newServerRow(db, tenantId);
    const tool = await db.tool.create({
      data: {
        id: newId("tool"),
        tenantId,
        serverId: server.id,
        name: "GetVmState",
        inputSchema: { type: "object" },
        category: "Read",
        risk: "Low",
        definitionHash: "old",
        pinState: "quarantined",
        pendingDefinition: { name: "GetVmState", description: "changed", inputSchema: { type: "object" } },
        pendingHash: "new",
      },
    });
    await expectNotified(
      (candidate) => candidate.kind === "server" && candidate.serverId === server.id,
      () => acceptToolDefinition(db, ctx, server.id, tool.id),
    );
    const accepted = await db.tool.findUniqueOrThrow({ where: { id: tool.id } });
    expect(accepted).toMatchObject({ pinState: "pinned", definitionHash: "new", pendingHash: null });
  });
});
