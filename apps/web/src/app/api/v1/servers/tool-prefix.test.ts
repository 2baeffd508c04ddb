import { listAuditEvents } from "@toolgate/db";
import { describe, expect, it } from "vitest";
import { updateServerRoute } from "@/server/api/routes/server-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import { newServerRow } from "../../../../../test/test-tenant";
import * as one from "./[serverId]/route";

function patch(key: string, serverId: string, body: Record<string, unknown>) {
  return callApi(one.PATCH, { path: "/", method: "PATCH", key, params: { serverId }, body });
}

describe("PATCH /servers/{id} toolPrefix", () => {
  it("sets, shows and resets a server's tool prefix, audited", async () => {
    const { keys, tenantId } = await newApiTenant();
    const lab = await newServerRow(apiDb(), tenantId, "Lab Hypervisor");
    const set = expectOk(await patch(keys.policyManager, lab.id, { toolPrefix: "lab" }), updateServerRoute);
    expect(set.server).toMatchObject({ slug: "lab-hypervisor", toolPrefix: "lab" });
    const reset = expectOk(await patch(keys.policyManager, lab.id, { toolPrefix: null }), updateServerRoute);
    expect(reset.server.toolPrefix).toBe("lab-hypervisor");
    const audit = (await listAuditEvents(apiDb(), tenantId)).filter(
      (event) => event.action === "server.updated",
    );
    expect(audit.map((event) => event.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ toolPrefix: "lab" }),
        expect.objectContaining({ toolPrefix: null }),
      ]),
    );
  });

  it("refuses bad characters, '__', too long, and a prefix another server uses", async () => {
    const { keys, tenantId } = await newApiTenant();
    const lab = await newServerRow(apiDb(), tenantId, "Lab");
    await newServerRow(apiDb(), tenantId, "Docs");
    for (const [toolPrefix, message] of [
      ["Lab!", "lower-case letters"],
      ["a__b", "'__'"],
      ["lab_", "'__'"],
      ["x".repeat(33), "32 characters"],
    ] as const) {
      const issues = expectError(await patch(keys.admin, lab.id, { toolPrefix }), 400, "invalid_input");
      expect(issues).toEqual([{ path: "/toolPrefix", message: expect.stringContaining(message) }]);
    }
    const taken = await patch(keys.admin, lab.id, { toolPrefix: "docs" });
    expectError(taken, 409, "conflict");
    expect(JSON.stringify(taken.body)).toContain(
      "The tool prefix 'docs' is already used by the server 'docs'.",
    );
    expectError(await patch(keys.viewer, lab.id, { toolPrefix: "l" }), 403, "forbidden");
  });
});
