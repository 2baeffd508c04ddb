import { findGrantByTokenHash } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import { describe, expect, it } from "vitest";
import {
  createGrantRoute,
  listGrantsRoute,
  revokeGrantRoute,
  rotateGrantRoute,
} from "@/server/api/routes/grant-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import { newServerRow } from "../../../../../test/test-tenant";
import * as revoke from "./[grantId]/revoke/route";
import * as rotate from "./[grantId]/rotate/route";
import * as collection from "./route";

async function createGrant(key: string, body: Record<string, unknown>) {
  return callApi(collection.POST, { path: "/grants", key, body });
}

describe("/grants", () => {
  it("creates a grant whose token is returned once and stored only as a hash", async () => {
    const { keys, tenantId } = await newApiTenant();
    const server = await newServerRow(apiDb(), tenantId);
    const created = expectOk(
      await createGrant(keys.policyManager, { label: "ci-runner", serverId: server.id }),
      createGrantRoute,
    );
    expect(created.token).toMatch(/^tg_grt_/);
    expect(created.grant).toMatchObject({ label: "ci-runner", serverId: server.id, status: "active" });
    expect((await findGrantByTokenHash(apiDb(), hashToken(created.token)))?.id).toBe(created.grant.id);

    const listed = expectOk(
      await callApi(collection.GET, { path: "/grants", key: keys.viewer }),
      listGrantsRoute,
    );
    expect(listed.grants.map((grant) => grant.id)).toEqual([created.grant.id]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("validates the label and the server", async () => {
    const { keys } = await newApiTenant();
    const other = await newApiTenant();
    const otherServer = await newServerRow(apiDb(), other.tenantId);
    expect(expectError(await createGrant(keys.admin, { label: "  " }), 400, "invalid_input")).toEqual([
      { path: "/label", message: expect.stringContaining("label") },
    ]);
    expectError(await createGrant(keys.admin, { label: "x", serverId: otherServer.id }), 404, "not_found");
  });

  it("revokes and rotates: the new token works, the old grant is revoked", async () => {
    const { keys } = await newApiTenant();
    const { grant, token } = expectOk(
      await createGrant(keys.admin, { label: "alice-laptop" }),
      createGrantRoute,
    );
    const params = { grantId: grant.id };
    const rotated = expectOk(
      await callApi(rotate.POST, { path: "/", key: keys.policyManager, params }),
      rotateGrantRoute,
    );
    expect(rotated.grant).toMatchObject({ label: "alice-laptop", status: "active" });
    expect(rotated.token).not.toBe(token);
    expect(rotated.revoked).toMatchObject({ id: grant.id, status: "revoked" });
    expect((await findGrantByTokenHash(apiDb(), hashToken(token)))?.revokedAt).toBeInstanceOf(Date);
    expectError(await callApi(rotate.POST, { path: "/", key: keys.admin, params }), 409, "conflict");

    const revoked = expectOk(
      await callApi(revoke.POST, { path: "/", key: keys.admin, params: { grantId: rotated.grant.id } }),
      revokeGrantRoute,
    );
    expect(revoked.grant.status).toBe("revoked");
  });

  it("keeps viewers read-only, other organisations out and revoked keys refused", async () => {
    const { keys } = await newApiTenant();
    const other = await newApiTenant();
    const { grant } = expectOk(await createGrant(keys.admin, { label: "agent" }), createGrantRoute);
    const params = { grantId: grant.id };
    expectError(await createGrant(keys.viewer, { label: "x" }), 403, "forbidden");
    expectError(await callApi(revoke.POST, { path: "/", key: keys.viewer, params }), 403, "forbidden");
    expectError(await callApi(revoke.POST, { path: "/", key: other.keys.admin, params }), 404, "not_found");
    expectError(await callApi(rotate.POST, { path: "/", key: other.keys.admin, params }), 404, "not_found");
    expectError(
      await callApi(collection.GET, { path: "/grants", key: keys.revoked }),
      401,
      "unauthenticated",
    );
    const theirs = expectOk(
      await callApi(collection.GET, { path: "/grants", key: other.keys.viewer }),
      listGrantsRoute,
    );
    expect(theirs.grants).toEqual([]);
  });
});
