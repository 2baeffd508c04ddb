import { listAuditEvents, newId } from "@toolgate/db";
import { describe, expect, it } from "vitest";
import { approveRoute, denyRoute, listApprovalsRoute } from "@/server/api/routes/approval-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import * as approve from "./[approvalId]/approve/route";
import * as deny from "./[approvalId]/deny/route";
import * as pending from "./route";

// The gateway creates these rows when a call needs approval; tests insert them the same way.
async function approvalRow(tenantId: string, expiresInMs: number, tool = "DeleteVm") {
  return apiDb().approval.create({
    data: {
      id: newId("apr"),
      tenantId,
      serverId: "srv_x",
      grantId: "grt_x",
      tool,
      argumentsHash: "h",
      arguments: { name: "debian-db" },
      rule: `/tools/${tool}`,
      expiresAt: new Date(Date.now() + expiresInMs),
    },
  });
}

describe("/approvals", () => {
  it("lists pending, unexpired requests with their exact arguments", async () => {
    const { keys, tenantId } = await newApiTenant();
    const live = await approvalRow(tenantId, 600_000);
    await approvalRow(tenantId, -1_000);
    const listed = expectOk(
      await callApi(pending.GET, { path: "/approvals", key: keys.viewer }),
      listApprovalsRoute,
    );
    expect(listed.approvals.map((a) => [a.id, a.status, a.arguments])).toEqual([
      [live.id, "pending", { name: "debian-db" }],
    ]);
  });

  it("approves once; a second decision conflicts; a deny keeps its reason; both are audited", async () => {
    const { keys, tenantId } = await newApiTenant();
    const first = await approvalRow(tenantId, 600_000);
    const second = await approvalRow(tenantId, 600_000, "StopVm");
    const approved = expectOk(
      await callApi(approve.POST, { path: "/", key: keys.policyManager, params: { approvalId: first.id } }),
      approveRoute,
    );
    expect(approved.approval).toMatchObject({ status: "approved", reason: null });
    expect(approved.approval.decidedAt).toBeInstanceOf(Date);
    expect(approved.approval.decidedById).toMatch(/^key_/);
    expectError(
      await callApi(deny.POST, { path: "/", key: keys.admin, params: { approvalId: first.id } }),
      409,
      "conflict",
    );
    const denied = expectOk(
      await callApi(deny.POST, {
        path: "/",
        key: keys.admin,
        params: { approvalId: second.id },
        body: { reason: "Not during business hours" },
      }),
      denyRoute,
    );
    expect(denied.approval).toMatchObject({ status: "denied", reason: "Not during business hours" });
    const actions = (await listAuditEvents(apiDb(), tenantId)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["approval.approved", "approval.denied"]));
  });

  it("cannot decide an expired request", async () => {
    const { keys, tenantId } = await newApiTenant();
    const expired = await approvalRow(tenantId, -1_000);
    const result = await callApi(approve.POST, {
      path: "/",
      key: keys.admin,
      params: { approvalId: expired.id },
    });
    expect(expectError(result, 409, "conflict")).toEqual([]);
  });

  it("validates the reason, keeps viewers out, hides other organisations' requests, refuses revoked keys", async () => {
    const { keys, tenantId } = await newApiTenant();
    const other = await newApiTenant();
    const row = await approvalRow(tenantId, 600_000);
    const params = { approvalId: row.id };
    const tooLong = await callApi(deny.POST, {
      path: "/",
      key: keys.admin,
      params,
      body: { reason: "x".repeat(501) },
    });
    expect(expectError(tooLong, 400, "invalid_input").map((issue) => issue.path)).toEqual(["/reason"]);
    expectError(await callApi(approve.POST, { path: "/", key: keys.viewer, params }), 403, "forbidden");
    expectError(await callApi(approve.POST, { path: "/", key: other.keys.admin, params }), 404, "not_found");
    expectError(
      await callApi(approve.POST, { path: "/", key: keys.revoked, params }),
      401,
      "unauthenticated",
    );
    const theirs = expectOk(
      await callApi(pending.GET, { path: "/approvals", key: other.keys.admin }),
      listApprovalsRoute,
    );
    expect(theirs.approvals).toEqual([]);
    const still = await apiDb().approval.findUniqueOrThrow({ where: { id: row.id } });
    expect(still.status).toBe("pending");
  });
});
