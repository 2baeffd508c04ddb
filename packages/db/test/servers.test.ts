import { describe, expect, it } from "vitest";
import {
  type CatalogueEntry,
  createServer,
  deleteServer,
  findServerBySlugs,
  getServer,
  listServers,
  listTools,
  NotFoundError,
  saveCatalogue,
} from "../src/index";
import { newTenant, useTestDb } from "./support/test-db";

const db = useTestDb();

const server = {
  name: "VM Manager",
  url: "http://127.0.0.1:9/mcp",
  transport: "streamable_http",
  headersSealed: null,
} as const;

function tool(name: string, overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    name,
    description: `${name} does things`,
    inputSchema: { type: "object", properties: { id: { type: "string" } } },
    annotations: null,
    category: "Read",
    risk: "Low",
    riskReason: "reads only",
    definitionHash: `hash-${name}`,
    ...overrides,
  };
}

describe("servers", () => {
  it("creates servers with per-tenant unique slugs and resolves them by slugs", async () => {
    const { tenant } = await newTenant(db);
    const other = await newTenant(db);
    const a = await createServer(db, tenant.id, server);
    const b = await createServer(db, tenant.id, server);
    const c = await createServer(db, other.tenant.id, server);
    expect(a.id).toMatch(/^srv_/);
    expect([a.slug, b.slug, c.slug]).toEqual(["vm-manager", "vm-manager-2", "vm-manager"]);
    const found = await findServerBySlugs(db, tenant.slug, "vm-manager-2");
    expect(found?.id).toBe(b.id);
    expect(found?.tenant.id).toBe(tenant.id);
    expect(await findServerBySlugs(db, other.tenant.slug, "vm-manager-2")).toBeNull();
  });

  it("never shows or deletes another tenant's server", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const mine = await createServer(db, a.tenant.id, server);
    expect(await getServer(db, b.tenant.id, mine.id)).toBeNull();
    expect(await listServers(db, b.tenant.id)).toEqual([]);
    expect(await deleteServer(db, b.tenant.id, mine.id)).toBe(false);
    expect((await getServer(db, a.tenant.id, mine.id))?.id).toBe(mine.id);
    expect(await deleteServer(db, a.tenant.id, mine.id)).toBe(true);
    expect(await listServers(db, a.tenant.id)).toEqual([]);
  });
});

describe("catalogue", () => {
  it("upserts tools by name and stamps lastScannedAt", async () => {
    const { tenant } = await newTenant(db);
    const srv = await createServer(db, tenant.id, server);
    const first = await saveCatalogue(db, tenant.id, srv.id, [tool("ListVms"), tool("DeleteVm")]);
    expect(first.map((t) => t.name)).toEqual(["DeleteVm", "ListVms"]);
    const rescanned = await saveCatalogue(db, tenant.id, srv.id, [
      tool("DeleteVm", { category: "Destructive", risk: "Critical", definitionHash: "hash-2" }),
    ]);
    const deleteVm = rescanned.find((t) => t.name === "DeleteVm");
    expect(deleteVm).toMatchObject({ category: "Destructive", risk: "Critical", definitionHash: "hash-2" });
    expect(deleteVm?.id).toBe(first.find((t) => t.name === "DeleteVm")?.id);
    expect(rescanned).toHaveLength(2);
    expect((await getServer(db, tenant.id, srv.id))?.lastScannedAt).toBeInstanceOf(Date);
  });

  it("refuses to write into another tenant's server", async () => {
    const a = await newTenant(db);
    const b = await newTenant(db);
    const srv = await createServer(db, a.tenant.id, server);
    await expect(saveCatalogue(db, b.tenant.id, srv.id, [tool("Evil")])).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await listTools(db, a.tenant.id, srv.id)).toEqual([]);
    await saveCatalogue(db, a.tenant.id, srv.id, [tool("Mine")]);
    expect(await listTools(db, b.tenant.id, srv.id)).toEqual([]);
  });
});
