import { randomBytes } from "node:crypto";
import { listAuditEvents, listTools } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { openSecret } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTenant, testDb } from "../../../test/test-tenant";
import { userMessage } from "../errors";
import { addServer } from "./add-server";
import { listServers } from "./list-servers";

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
