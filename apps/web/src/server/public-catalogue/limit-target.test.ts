import { join } from "node:path";
import { type Db, saveCatalogue } from "@toolgate/db";
import { afterAll, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { buildCatalogueIndex } from "../../catalogue/catalogue-index";
import { readCatalogueDir } from "../../catalogue/load-catalogue";
import { limitTarget } from "./limit-target";

const db = testDb();
const index = buildCatalogueIndex(readCatalogueDir(join(import.meta.dirname, "../../../catalogue/servers")));
const mountIso = index.tool("virtualization", "MountIso");

afterAll(async () => {
  await db.$disconnect();
});

async function serverListing(database: Db, tenantId: string, name: string, tools: string[]) {
  const server = await newServerRow(database, tenantId, name);
  await saveCatalogue(
    database,
    tenantId,
    server.id,
    tools.map((tool) => ({
      name: tool,
      description: "",
      inputSchema: { type: "object" },
      annotations: null,
      category: "Write",
      risk: "Medium",
      riskReason: "",
      definitionHash: tool,
    })),
  );
  return server;
}

describe("limitTarget", () => {
  it("opens the builder of the caller's own server of the same kind, never another tenant's", async () => {
    if (mountIso === undefined) throw new Error("MountIso must be catalogued");
    const a = await newTenant(db, "limit-a");
    await serverListing(db, a.ctx.tenantId, "virtualization", ["MountIso", "ListVms", "StartVm"]);
    const b = await newTenant(db, "limit-b");

    // B has no such server: the register step, carrying the tool.
    expect(await limitTarget(db, b.ctx, mountIso)).toBe("/servers?catalogue=virtualization&tool=MountIso");

    await serverListing(db, b.ctx.tenantId, "echo", ["echo"]);
    const partial = await serverListing(db, b.ctx.tenantId, "vbox-partial", ["MountIso"]);
    const full = await serverListing(db, b.ctx.tenantId, "vbox", [
      "MountIso",
      "ListVms",
      "StartVm",
      "StopVm",
    ]);
    const target = await limitTarget(db, b.ctx, mountIso);
    expect(target).toBe(`/servers/${full.id}/policy?catalogue=virtualization&tool=MountIso`);
    expect(target).not.toContain(partial.id);
  });
});
