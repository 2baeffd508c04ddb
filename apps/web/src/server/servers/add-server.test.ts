import { randomBytes } from "node:crypto";
import {
  listAuditEvents,
  listCataloguePrompts,
  listCatalogueResources,
  listTools,
  saveResourceCatalogue,
} from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { openSecret } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTenant, testDb } from "../../../test/test-tenant";
import { userMessage } from "../errors";
import { addServer } from "./add-server";
import { getServerDetail } from "./get-server-detail";
import { listServers } from "./list-servers";
import { rescanServer } from "./rescan-server";

const db = testDb();
const secretKey = randomBytes(32);
const deps = { db, secretKey, allowPrivateUpstreams: true };
let upstream: DemoUpstream;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await upstream.close();
  await db.$disconnect();
});

describe("addServer", () => {
  it("connects to the upstream, catalogues its tools with risk classes, and audits it", async () => {
    const { ctx } = await newTenant(db);
    const { server, toolCount } = await addServer(deps, ctx, {
      name: "Virtualization",
      url: upstream.url,
      headers: [],
    });
    expect(server.transport).toBe("streamable_http");
    const tools = await listTools(db, ctx.tenantId, server.id);
    expect(tools).toHaveLength(toolCount);
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get("MountIso")).toBeDefined();
    expect(byName.get("DeleteVm")?.category).toBe("Destructive");
    expect(byName.get("ListVms")?.category).toBe("Read");
    const audit = await listAuditEvents(db, ctx.tenantId);
    expect(audit.map((event) => [event.action, event.targetId])).toContainEqual([
      "server.created",
      server.id,
    ]);
  });

  it("catalogues the upstream's resources, templates and prompts, shown on the server page", async () => {
    const { ctx } = await newTenant(db);
    const { server } = await addServer(deps, ctx, { name: "Virtualization", url: upstream.url, headers: [] });
    const resources = await listCatalogueResources(db, ctx.tenantId, server.id);
    expect(resources.map((row) => [row.kind, row.uri, row.name])).toEqual([
      ["resource", "vbox://host/audit-log", "audit-log"],
      ["resource", "vbox://host/info", "host-info"],
      ["template", "vbox://vms/{name}/config", "vm-config"],
    ]);
    expect(resources[1]).toMatchObject({ title: "Host information", mimeType: "application/json" });
    const prompts = await listCataloguePrompts(db, ctx.tenantId, server.id);
    expect(prompts.map((row) => [row.name, row.arguments])).toEqual([
      ["triage-vm", [{ name: "name", description: "The VM to triage.", required: true }]],
      ["wipe-host", []],
    ]);
    const detail = await getServerDetail({ db, gatewayUrl: "http://localhost:4000" }, ctx, server.id);
    expect(detail.resources.map((entry) => entry.uri)).toEqual([
      "vbox://host/audit-log",
      "vbox://host/info",
      "vbox://vms/{name}/config",
    ]);
    expect(detail.prompts).toEqual([
      {
        name: "triage-vm",
        title: "Triage a VM",
        description: "Asks the assistant to look at one VM's state and suggest what to do next.",
        arguments: [{ name: "name", required: true }],
      },
      expect.objectContaining({ name: "wipe-host", arguments: [] }),
    ]);
    const audit = await listAuditEvents(db, ctx.tenantId);
    expect(audit.find((event) => event.action === "server.created")?.data).toMatchObject({
      resources: 2,
      templates: 1,
      prompts: 2,
    });
  });

  it("re-scan replaces the listed resources and prompts with what the upstream lists now", async () => {
    const { ctx } = await newTenant(db);
    const { server } = await addServer(deps, ctx, { name: "Virtualization", url: upstream.url, headers: [] });
    // A stale entry from an earlier scan, as if the upstream had since dropped it.
    await saveResourceCatalogue(db, ctx.tenantId, server.id, {
      resources: [{ kind: "resource", uri: "vbox://gone", name: "gone" }],
      prompts: [{ name: "gone-prompt" }],
    });
    expect((await listCatalogueResources(db, ctx.tenantId, server.id)).map((row) => row.uri)).toEqual([
      "vbox://gone",
    ]);
    await rescanServer(deps, ctx, server.id);
    expect((await listCatalogueResources(db, ctx.tenantId, server.id)).map((row) => row.uri)).toEqual([
      "vbox://host/audit-log",
      "vbox://host/info",
      "vbox://vms/{name}/config",
    ]);
    expect((await listCataloguePrompts(db, ctx.tenantId, server.id)).map((row) => row.name)).toEqual([
      "triage-vm",
      "wipe-host",
    ]);
  });

  it("keeps each tenant's resource catalogue to itself", async () => {
    const a = await newTenant(db, "a");
    const b = await newTenant(db, "b");
    const { server } = await addServer(deps, a.ctx, { name: "A's server", url: upstream.url, headers: [] });
    const written = await saveResourceCatalogue(db, b.ctx.tenantId, server.id, {
      resources: [{ kind: "resource", uri: "evil://x", name: "x" }],
      prompts: [],
    });
    expect(written).toEqual({ resources: 0, templates: 0, prompts: 0 });
    expect(await listCatalogueResources(db, b.ctx.tenantId, server.id)).toEqual([]);
    expect(await listCataloguePrompts(db, b.ctx.tenantId, server.id)).toEqual([]);
    expect((await listCatalogueResources(db, a.ctx.tenantId, server.id)).map((row) => row.uri)).not.toContain(
      "evil://x",
    );
    await expect(rescanServer(deps, b.ctx, server.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("stores upstream headers sealed, never in clear", async () => {
    const { ctx } = await newTenant(db);
    const headers = [{ name: "Authorization", value: "Bearer upstream-secret-123" }];
    const { server } = await addServer(deps, ctx, { name: "With creds", url: upstream.url, headers });
    const row = await db.server.findUniqueOrThrow({ where: { id: server.id } });
    expect(row.headersSealed).not.toContain("upstream-secret-123");
    expect(JSON.parse(openSecret(row.headersSealed ?? "", secretKey))).toEqual({
      Authorization: "Bearer upstream-secret-123",
    });
    expect(JSON.stringify(await listServers(db, ctx))).not.toContain(row.headersSealed ?? "");
  });

  it("explains an unreachable server in plain words and registers nothing", async () => {
    const { ctx } = await newTenant(db);
    const closed = await startDemoUpstream({ port: 0, host: "127.0.0.1" });
    await closed.close();
    const failure = await addServer(deps, ctx, { name: "Gone", url: closed.url, headers: [] }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(userMessage(failure)).toMatch(/^Could not connect to the server: nothing is listening/);
    expect(await listServers(db, ctx)).toEqual([]);
  });

  it("does not let a viewer register servers", async () => {
    const { ctx } = await newTenant(db);
    const attempt = addServer(
      deps,
      { ...ctx, role: "viewer" },
      { name: "x", url: upstream.url, headers: [] },
    );
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
  });
});
