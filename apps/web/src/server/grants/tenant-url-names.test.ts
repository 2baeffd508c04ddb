import { type CatalogueEntry, saveCatalogue, setServerToolPrefix } from "@toolgate/db";
import { prefixedName } from "@toolgate/upstream";
import { describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { tenantUrlNameMapping } from "./tenant-url-names";

const LONG = `summarise_${"quarterly_".repeat(5)}${"x".repeat(10)}`;

function tool(name: string): CatalogueEntry {
  return {
    name,
    description: "",
    inputSchema: { type: "object" },
    annotations: null,
    category: "Read",
    risk: "Low",
    riskReason: "",
    definitionHash: name,
  };
}

describe("the tenant URL's name mapping", () => {
  it("lists shortened names and names under a server's own prefix, as the gateway exposes them", async () => {
    const db = testDb();
    const { ctx } = await newTenant(db);
    const lab = await newServerRow(db, ctx.tenantId, "Lab Hypervisor");
    const docs = await newServerRow(db, ctx.tenantId, "Docs");
    await saveCatalogue(db, ctx.tenantId, lab.id, [tool("ListVms"), tool(LONG)]);
    await saveCatalogue(db, ctx.tenantId, docs.id, [tool("search")]);
    expect(await tenantUrlNameMapping(db, ctx)).toEqual([
      {
        exposed: prefixedName("lab-hypervisor", LONG),
        serverName: "Lab Hypervisor",
        serverSlug: "lab-hypervisor",
        tool: LONG,
        shortened: true,
      },
    ]);
    expect(prefixedName("lab-hypervisor", LONG)).toHaveLength(64);

    await setServerToolPrefix(db, ctx.tenantId, docs.id, "kb");
    const mapping = await tenantUrlNameMapping(db, ctx);
    expect(mapping.map((entry) => [entry.exposed, entry.serverSlug, entry.tool, entry.shortened])).toEqual([
      ["kb__search", "docs", "search", false],
      [prefixedName("lab-hypervisor", LONG), "lab-hypervisor", LONG, true],
    ]);
  });
});
