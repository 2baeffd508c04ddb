import { deleteServer, findGrantByTokenHash, listAuditEvents } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import { describe, expect, it } from "vitest";
import {
  createGrantRoute,
  listGrantsRoute,
  rotateGrantRoute,
  updateGrantRoute,
} from "@/server/api/routes/grant-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import { newServerRow } from "../../../../../test/test-tenant";
import * as rotate from "./[grantId]/rotate/route";
import * as single from "./[grantId]/route";
import * as collection from "./route";

function createGrant(key: string, body: Record<string, unknown>) {
  return callApi(collection.POST, { path: "/grants", key, body });
}

function patchGrant(key: string, grantId: string, body: Record<string, unknown>) {
  return callApi(single.PATCH, { path: `/grants/${grantId}`, key, params: { grantId }, body });
}

describe("/grants restricted to a subset of servers", () => {
  it("creates a grant for servers named by id or slug, and lists them", async () => {
    const { keys, tenantId } = await newApiTenant();
    const lab = await newServerRow(apiDb(), tenantId, "Lab");
    const docs = await newServerRow(apiDb(), tenantId, "Docs");
    await newServerRow(apiDb(), tenantId, "Billing");
    const created = expectOk(
      await createGrant(keys.policyManager, { label: "two", servers: [lab.id, docs.slug, lab.slug] }),
      createGrantRoute,
    );
    expect(created.grant).toMatchObject({ serverId: null, servers: [lab.id, docs.id].sort() });
    const stored = await findGrantByTokenHash(apiDb(), hashToken(created.token));
    expect(stored?.subsetServerIds).toEqual([lab.id, docs.id].sort());
    const listed = expectOk(
      await callApi(collection.GET, { path: "/grants", key: keys.viewer }),
      listGrantsRoute,
    );
    expect(listed.grants[0]?.servers).toEqual([lab.id, docs.id].sort());
    const audit = (await listAuditEvents(apiDb(), tenantId)).find(
      (event) => event.action === "grant.created",
    );
    expect(audit?.data).toMatchObject({ servers: [lab.id, docs.id].sort() });
  });

  it("refuses unknown, foreign, empty and conflicting server lists with a clear message", async () => {
    const { keys, tenantId } = await newApiTenant();
    const other = await newApiTenant();
    const lab = await newServerRow(apiDb(), tenantId, "Lab");
    const foreign = await newServerRow(apiDb(), other.tenantId, "Foreign");
    const unknown = expectError(
      await createGrant(keys.admin, { label: "x", servers: [lab.id, "nope"] }),
      400,
      "invalid_input",
    );
    expect(unknown).toEqual([]);
    const unknownBody = (await createGrant(keys.admin, { label: "x", servers: [foreign.id] })).body;
    expect(JSON.stringify(unknownBody)).toContain(
      `servers[0]: there is no server '${foreign.id}' in this organisation`,
    );
    expect(
      expectError(await createGrant(keys.admin, { label: "x", servers: [] }), 400, "invalid_input"),
    ).toEqual([{ path: "/servers", message: expect.stringContaining("Name at least one server") }]);
    expect(
      expectError(
        await createGrant(keys.admin, { label: "x", serverId: lab.id, servers: [lab.id] }),
        400,
        "invalid_input",
      ),
    ).toEqual([{ path: "/servers", message: expect.stringContaining("not both") }]);
    expect((await callApi(collection.GET, { path: "/grants", key: keys.viewer })).body).toMatchObject({
      grants: [],
    });
  });

  it("changes the servers with PATCH (and back to every server), audited; rotation keeps them", async () => {
    const { keys, tenantId } = await newApiTenant();
    const docs = await newServerRow(apiDb(), tenantId, "Docs");
    const { grant } = expectOk(await createGrant(keys.admin, { label: "agent" }), createGrantRoute);
    const narrowed = expectOk(
      await patchGrant(keys.policyManager, grant.id, { servers: [docs.slug], label: "docs-agent" }),
      updateGrantRoute,
    );
    expect(narrowed.grant).toMatchObject({ label: "docs-agent", servers: [docs.id] });
    const rotated = expectOk(
      await callApi(rotate.POST, { path: "/", key: keys.admin, params: { grantId: grant.id } }),
      rotateGrantRoute,
    );
    expect(rotated.grant.servers).toEqual([docs.id]);
    const widened = expectOk(
      await patchGrant(keys.admin, rotated.grant.id, { servers: null }),
      updateGrantRoute,
    );
    expect(widened.grant.servers).toBeNull();
    const events = (await listAuditEvents(apiDb(), tenantId)).filter(
      (event) => event.action === "grant.updated",
    );
    expect(events.map((event) => event.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ servers: [docs.id], previousServers: null, previousLabel: "agent" }),
        expect.objectContaining({ servers: null, previousServers: [docs.id] }),
      ]),
    );
  });

  it("refuses PATCH for a server-bound grant, an empty body, viewers and other organisations", async () => {
    const { keys, tenantId } = await newApiTenant();
    const other = await newApiTenant();
    const lab = await newServerRow(apiDb(), tenantId, "Lab");
    const { grant } = expectOk(
      await createGrant(keys.admin, { label: "bound", serverId: lab.id }),
      createGrantRoute,
    );
    const conflict = await patchGrant(keys.admin, grant.id, { servers: [lab.id] });
    expectError(conflict, 409, "conflict");
    expect(JSON.stringify(conflict.body)).toContain("bound to one server");
    expectError(await patchGrant(keys.admin, grant.id, {}), 400, "invalid_input");
    expectError(await patchGrant(keys.viewer, grant.id, { label: "x" }), 403, "forbidden");
    expectError(await patchGrant(other.keys.admin, grant.id, { label: "x" }), 404, "not_found");
  });

  it("drops a deleted server from the grants that list it", async () => {
    const { keys, tenantId } = await newApiTenant();
    const lab = await newServerRow(apiDb(), tenantId, "Lab");
    const docs = await newServerRow(apiDb(), tenantId, "Docs");
    const { grant } = expectOk(
      await createGrant(keys.admin, { label: "g", servers: [lab.id, docs.id] }),
      createGrantRoute,
    );
    await deleteServer(apiDb(), tenantId, lab.id);
    const listed = expectOk(
      await callApi(collection.GET, { path: "/grants", key: keys.viewer }),
      listGrantsRoute,
    );
    expect(listed.grants.find((g) => g.id === grant.id)?.servers).toEqual([docs.id]);
  });
});
