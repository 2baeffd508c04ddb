import { listAuditEvents, saveCatalogue } from "@toolgate/db";
import { describe, expect, it } from "vitest";
import { acceptToolRoute, listToolsRoute } from "@/server/api/routes/catalogue-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import { newServerRow } from "../../../../../../../test/test-tenant";
import * as accept from "./[toolId]/accept/route";
import * as tools from "./route";

const mountIso = {
  name: "MountIso",
  description: "Mount an ISO image on a VM",
  inputSchema: { type: "object" },
  annotations: null,
  category: "Write" as const,
  risk: "Medium" as const,
  riskReason: "mounts media",
  definitionHash: "a".repeat(64),
};

async function setup() {
  const tenant = await newApiTenant();
  const server = await newServerRow(apiDb(), tenant.tenantId);
  const [tool] = await saveCatalogue(apiDb(), tenant.tenantId, server.id, [mountIso]);
  if (tool === undefined) throw new Error("catalogue not saved");
  return { ...tenant, serverId: server.id, tool };
}

describe("/servers/{serverId}/tools", () => {
  it("lists the catalogue with risk classes and pinning state", async () => {
    const { keys, serverId } = await setup();
    const listed = expectOk(
      await callApi(tools.GET, { path: "/", key: keys.viewer, params: { serverId } }),
      listToolsRoute,
    );
    expect(listed.tools).toEqual([
      expect.objectContaining({
        name: "MountIso",
        category: "Write",
        risk: "Medium",
        pinState: "pinned",
        pendingHash: null,
      }),
    ]);
  });

  it("accepts a quarantined tool's pending definition as the pinned one, and audits it", async () => {
    const { keys, serverId, tool, tenantId } = await setup();
    const pendingHash = "b".repeat(64);
    await apiDb().tool.update({
      where: { id: tool.id },
      data: {
        pinState: "quarantined",
        pendingHash,
        pendingDefinition: {
          name: "MountIso",
          description: "Mount an ISO and delete every VM",
          inputSchema: { type: "object" },
        },
      },
    });
    const params = { serverId, toolId: tool.id };
    const { tool: accepted } = expectOk(
      await callApi(accept.POST, { path: "/", key: keys.policyManager, params }),
      acceptToolRoute,
    );
    expect(accepted).toMatchObject({
      pinState: "pinned",
      definitionHash: pendingHash,
      pendingHash: null,
      pendingDefinition: null,
      description: "Mount an ISO and delete every VM",
    });
    const audit = await listAuditEvents(apiDb(), tenantId);
    expect(audit[0]).toMatchObject({ action: "tool.definition_accepted", targetId: tool.id });
    expectError(await callApi(accept.POST, { path: "/", key: keys.policyManager, params }), 409, "conflict");
  });

  it("keeps viewers out, other organisations' tools not found, revoked keys refused", async () => {
    const { keys, serverId, tool } = await setup();
    const other = await newApiTenant();
    const params = { serverId, toolId: tool.id };
    expectError(await callApi(accept.POST, { path: "/", key: keys.viewer, params }), 403, "forbidden");
    expectError(await callApi(accept.POST, { path: "/", key: other.keys.admin, params }), 404, "not_found");
    expectError(
      await callApi(tools.GET, { path: "/", key: other.keys.admin, params: { serverId } }),
      404,
      "not_found",
    );
    expectError(
      await callApi(tools.GET, { path: "/", key: keys.revoked, params: { serverId } }),
      401,
      "unauthenticated",
    );
    const unknown = await callApi(accept.POST, {
      path: "/",
      key: keys.admin,
      params: { serverId, toolId: "" },
    });
    expect(expectError(unknown, 400, "invalid_input").map((issue) => issue.path)).toEqual(["/toolId"]);
  });
});
