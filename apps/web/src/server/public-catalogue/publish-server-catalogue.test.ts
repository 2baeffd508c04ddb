import { join } from "node:path";
import { listAuditEvents, saveCatalogue } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { buildCatalogueIndex } from "../../catalogue/catalogue-index";
import { readCatalogueDir } from "../../catalogue/load-catalogue";
import { AppError } from "../app-error";
import { publicCatalogue } from "./public-catalogue";
import { publishServerCatalogue, serverCatalogueState } from "./publish-server-catalogue";

const db = testDb();
const repo = buildCatalogueIndex(readCatalogueDir(join(import.meta.dirname, "../../../catalogue/servers")));

afterAll(async () => {
  await db.$disconnect();
});

async function tenantWithServer() {
  const tenant = await newTenant(db, "publisher");
  const server = await newServerRow(db, tenant.ctx.tenantId, "Inventory");
  await db.server.update({
    where: { id: server.id },
    data: {
      url: "https://inventory.internal.example/mcp?key=url-secret-42",
      headersSealed: "sealed-header-secret",
    },
  });
  await saveCatalogue(db, tenant.ctx.tenantId, server.id, [
    {
      name: "DeleteItem",
      description: "Delete one inventory item.",
      inputSchema: { type: "object", properties: { id: { type: "string" } } },
      annotations: null,
      category: "Destructive",
      risk: "High",
      riskReason: "",
      definitionHash: "h1",
    },
  ]);
  return { tenant, server };
}

describe("publishing a tenant's server to the public catalogue", () => {
  it("is off by default, shows only the name and tools once an admin publishes, and is audited", async () => {
    const { tenant, server } = await tenantWithServer();
    const state = await serverCatalogueState(db, tenant.ctx, server.id);
    expect(state.publishedAt).toBeNull();
    expect(
      (await publicCatalogue(db, repo, Date.now())).server(state.publicPath.split("/")[2] ?? ""),
    ).toBeUndefined();

    await publishServerCatalogue(db, tenant.ctx, server.id, true);
    const index = await publicCatalogue(db, repo);
    const slug = state.publicPath.split("/")[2] ?? "";
    const entry = index.server(slug);
    expect(entry?.tools.map((tool) => tool.tool.name)).toEqual(["DeleteItem"]);
    expect(entry?.server.name).toBe(`Inventory (${slug.replace(/-inventory$/, "")}/inventory)`);
    expect(entry?.tools[0]?.riskClass.category).toBe("Destructive");
    const shown = JSON.stringify(entry?.server);
    expect(shown).not.toContain("inventory.internal.example");
    expect(shown).not.toContain("url-secret-42");
    expect(shown).not.toContain("sealed-header-secret");
    // The repo's servers stay, the published one is added.
    expect(index.server("virtualization")).toBeDefined();

    await publishServerCatalogue(db, tenant.ctx, server.id, false);
    expect((await publicCatalogue(db, repo)).server(slug)).toBeUndefined();
    const actions = (await listAuditEvents(db, tenant.ctx.tenantId)).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(["server.catalogue_published", "server.catalogue_withdrawn"]),
    );
  });

  it("is refused to a policy manager and to another tenant", async () => {
    const { tenant, server } = await tenantWithServer();
    const manager = { ...tenant.ctx, role: "policy_manager" as const };
    await expect(publishServerCatalogue(db, manager, server.id, true)).rejects.toMatchObject({
      code: "forbidden",
    });
    const other = await newTenant(db, "other");
    await expect(publishServerCatalogue(db, other.ctx, server.id, true)).rejects.toBeInstanceOf(AppError);
    const row = await db.server.findUniqueOrThrow({ where: { id: server.id } });
    expect(row.cataloguePublishedAt).toBeNull();
  });
});
