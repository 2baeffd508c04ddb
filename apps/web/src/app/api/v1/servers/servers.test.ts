import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { listAuditEvents } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addServerRoute,
  deleteServerRoute,
  getServerRoute,
  listServersRoute,
  rescanServerRoute,
  updateServerRoute,
} from "@/server/api/routes/server-routes";
import { apiDb, callApi, expectError, expectOk, newApiTenant } from "@/server/api/test-support/api-test-kit";
import * as rescan from "./[serverId]/rescan/route";
import * as one from "./[serverId]/route";
import * as collection from "./route";

/** A reverse proxy on its own port (another origin) that records the headers of every request it passes on. */
async function startRecordingProxy(target: string) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer(async (req, res) => {
    seen.push({ ...req.headers });
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) {
        headers.set(name, value);
      }
    }
    const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
    const reply = await fetch(target, { method: req.method, headers, body });
    res.writeHead(reply.status, Object.fromEntries(reply.headers));
    res.end(Buffer.from(await reply.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let upstream: DemoUpstream;
beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await upstream.close();
});

async function addDemoServer(key: string, name = "Virtualization") {
  const result = await callApi(collection.POST, { path: "/servers", key, body: { name, url: upstream.url } });
  return expectOk(result, addServerRoute);
}

describe("/servers", () => {
  it("adds a server with the dashboard's connection test, lists it and gets it with its gateway URL", async () => {
    const { keys, tenantSlug } = await newApiTenant();
    const added = await addDemoServer(keys.policyManager);
    expect(added.server.transport).toBe("streamable_http");
    expect(added.toolCount).toBeGreaterThan(5);

    const listed = expectOk(
      await callApi(collection.GET, { path: "/servers", key: keys.viewer }),
      listServersRoute,
    );
    expect(listed.servers.map((server) => server.id)).toEqual([added.server.id]);
    expect(listed.servers[0]?.createdAt).toBeInstanceOf(Date);

    const params = { serverId: added.server.id };
    const detail = expectOk(
      await callApi(one.GET, { path: `/servers/${added.server.id}`, key: keys.viewer, params }),
      getServerRoute,
    );
    expect(detail.gatewayUrl).toMatch(new RegExp(`/${tenantSlug}/virtualization/mcp$`));
  });

  it("reports every invalid field with its JSON path", async () => {
    const { keys } = await newApiTenant();
    const result = await callApi(collection.POST, {
      path: "/servers",
      key: keys.admin,
      body: { name: "", url: "ftp://example.com", headers: [{ name: "Bad Header", value: "x" }] },
    });
    const issues = expectError(result, 400, "invalid_input");
    expect(issues.map((issue) => issue.path).sort()).toEqual(["/headers/0/name", "/name", "/url"]);
  });

  it("answers an unreachable upstream with upstream_failed and registers nothing", async () => {
    const { keys } = await newApiTenant();
    const closed = await startDemoUpstream({ port: 0, host: "127.0.0.1" });
    await closed.close();
    const result = await callApi(collection.POST, {
      path: "/servers",
      key: keys.admin,
      body: { name: "Gone", url: closed.url },
    });
    expectError(result, 422, "upstream_failed");
    const listed = expectOk(
      await callApi(collection.GET, { path: "/servers", key: keys.admin }),
      listServersRoute,
    );
    expect(listed.servers).toEqual([]);
  });

  it("refuses viewers and revoked keys", async () => {
    const { keys } = await newApiTenant();
    const body = { name: "x", url: upstream.url };
    expectError(
      await callApi(collection.POST, { path: "/servers", key: keys.viewer, body }),
      403,
      "forbidden",
    );
    expectError(
      await callApi(collection.GET, { path: "/servers", key: keys.revoked }),
      401,
      "unauthenticated",
    );
  });
});

describe("/servers/{serverId}", () => {
  it("renames a server without changing its slug, and audits it", async () => {
    const { keys, tenantId } = await newApiTenant();
    const { server } = await addDemoServer(keys.admin);
    const params = { serverId: server.id };
    const updated = expectOk(
      await callApi(one.PATCH, {
        path: `/servers/${server.id}`,
        method: "PATCH",
        key: keys.policyManager,
        params,
        body: { name: "Hypervisor" },
      }),
      updateServerRoute,
    );
    expect(updated.server).toMatchObject({ name: "Hypervisor", slug: server.slug });
    expect(updated.scan).toBeNull();
    const audit = await listAuditEvents(apiDb(), tenantId);
    expect(audit.map((event) => event.action)).toContain("server.updated");
  });

  it("connection-tests a new URL before saving it", async () => {
    const { keys } = await newApiTenant();
    const { server } = await addDemoServer(keys.admin);
    const params = { serverId: server.id };
    const result = await callApi(one.PATCH, {
      path: `/servers/${server.id}`,
      method: "PATCH",
      key: keys.admin,
      params,
      body: { url: "http://127.0.0.1:9/mcp" },
    });
    expectError(result, 422, "upstream_failed");
    const detail = expectOk(await callApi(one.GET, { path: "/", key: keys.admin, params }), getServerRoute);
    expect(detail.server.url).toBe(upstream.url);
  });

  it("binds stored headers to their origin: a URL on another origin needs them re-entered or dropped", async () => {
    const { keys, tenantId } = await newApiTenant();
    const added = await callApi(collection.POST, {
      path: "/servers",
      key: keys.admin,
      body: {
        name: "Bound",
        url: upstream.url,
        headers: [{ name: "Authorization", value: "Bearer admin-secret" }],
      },
    });
    const { server } = expectOk(added, addServerRoute);
    const elsewhere = await startRecordingProxy(upstream.url);
    try {
      const params = { serverId: server.id };
      const patch = (body: Record<string, unknown>) =>
        callApi(one.PATCH, { path: "/", method: "PATCH", key: keys.policyManager, params, body });
      const refused = await patch({ url: elsewhere.url });
      expectError(refused, 400, "invalid_input");
      const { message } = (refused.body as { error: { message: string } }).error;
      expect(message).toContain("another origin");
      expect(message).toContain('"headers": []');
      expect(elsewhere.seen).toHaveLength(0);

      expectOk(await patch({ url: elsewhere.url, headers: [] }), updateServerRoute);
      expect(elsewhere.seen.length).toBeGreaterThan(0);
      expect(elsewhere.seen.every((headers) => headers.authorization === undefined)).toBe(true);
      const audit = await listAuditEvents(apiDb(), tenantId);
      const updated = audit.find((event) => event.action === "server.updated");
      expect(updated?.data).toMatchObject({
        headers: "dropped",
        originChanged: { to: new URL(elsewhere.url).origin },
      });
      // Same origin, another path: the headers stay.
      const samePlace = await patch({ url: elsewhere.url.replace("/mcp", "/mcp?x=1") });
      expectOk(samePlace, updateServerRoute);
    } finally {
      await elsewhere.close();
    }
  });

  it("rejects an empty update", async () => {
    const { keys } = await newApiTenant();
    const { server } = await addDemoServer(keys.admin);
    const result = await callApi(one.PATCH, {
      path: "/",
      method: "PATCH",
      key: keys.admin,
      params: { serverId: server.id },
      body: {},
    });
    expectError(result, 400, "invalid_input");
  });

  it("rescans: a tool whose reviewed definition changed is quarantined, a new one unreviewed", async () => {
    const { keys, tenantId } = await newApiTenant();
    const { server, toolCount } = await addDemoServer(keys.admin);
    const db = apiDb();
    await db.tool.updateMany({
      where: { tenantId, serverId: server.id, name: "MountIso" },
      data: { definitionHash: "reviewed-earlier" },
    });
    await db.tool.deleteMany({ where: { tenantId, serverId: server.id, name: "ListVms" } });

    const params = { serverId: server.id };
    const { scan } = expectOk(
      await callApi(rescan.POST, { path: "/", method: "POST", key: keys.policyManager, params }),
      rescanServerRoute,
    );
    expect(scan).toEqual({ added: 1, changed: 1, unchanged: toolCount - 2, missing: 0 });
    const tools = await db.tool.findMany({ where: { tenantId, serverId: server.id } });
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get("MountIso")).toMatchObject({
      pinState: "quarantined",
      definitionHash: "reviewed-earlier",
    });
    expect(byName.get("MountIso")?.pendingHash).toMatch(/^[0-9a-f]{64}$/);
    expect(byName.get("ListVms")?.pinState).toBe("unreviewed");
  });

  it("deletes a server; another organisation's server is not found", async () => {
    const owner = await newApiTenant();
    const other = await newApiTenant();
    const { server } = await addDemoServer(owner.keys.admin);
    const params = { serverId: server.id };
    for (const handler of [one.GET, one.DELETE, rescan.POST]) {
      expectError(
        await callApi(handler, { path: "/", method: "POST", key: other.keys.admin, params }),
        404,
        "not_found",
      );
    }
    expectError(
      await callApi(one.DELETE, { path: "/", method: "DELETE", key: owner.keys.viewer, params }),
      403,
      "forbidden",
    );
    expectOk(
      await callApi(one.DELETE, { path: "/", method: "DELETE", key: owner.keys.admin, params }),
      deleteServerRoute,
    );
    expectError(await callApi(one.GET, { path: "/", key: owner.keys.admin, params }), 404, "not_found");
  });
});
