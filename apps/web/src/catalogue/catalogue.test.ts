import { join } from "node:path";
import { parsePolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import canonicalPolicy from "../fixtures/canonical-policy.json";
import { buildCatalogueIndex } from "./catalogue-index";
import { readCatalogueDir } from "./load-catalogue";
import { searchCatalogue } from "./search-catalogue";
import { toolGuidance } from "./tool-guidance";

const records = readCatalogueDir(join(import.meta.dirname, "../../catalogue/servers"));
const index = buildCatalogueIndex(records);

describe("the catalogue index in the repo", () => {
  it("holds the virtualization fixture and at least five servers imported from npm", () => {
    expect(index.server("virtualization")?.tools.length).toBeGreaterThan(20);
    const imported = records.filter((record) => record.source.kind === "npm" && record.tools.length > 0);
    expect(imported.length).toBeGreaterThanOrEqual(5);
    for (const record of imported) {
      expect(record.source.kind === "npm" && record.source.version).toMatch(/\d/);
      expect(record.serverInfo?.name).toBeTruthy();
    }
  });

  it("recommends exactly the canonical policy for MountIso, a Write / Medium tool", () => {
    const mountIso = index.tool("virtualization", "MountIso");
    expect(mountIso?.riskClass).toMatchObject({ category: "Write", risk: "Medium" });
    if (mountIso === undefined) return;
    const guidance = toolGuidance(mountIso);
    expect(guidance.recommended).toEqual(canonicalPolicy);
    expect(guidance.explanation.join(" ")).toContain("at most 30 times per minute per agent grant");
  });

  it("gives every tool a recommended rule and four alternatives that policy-core accepts", () => {
    for (const server of index.servers) {
      for (const tool of server.tools) {
        const guidance = toolGuidance(tool);
        for (const policy of [guidance.recommended, ...guidance.options.map((option) => option.policy)]) {
          const parsed = parsePolicy(policy);
          expect(parsed.ok, `${server.server.slug}/${tool.tool.name}: ${JSON.stringify(parsed)}`).toBe(true);
        }
        expect(guidance.faq).toHaveLength(6);
      }
    }
  });

  it("writes why a tool needs a policy from its class and arguments, not one fixed sentence", () => {
    const explain = (server: string, tool: string) => {
      const found = index.tool(server, tool);
      return found === undefined ? "" : toolGuidance(found).why.join(" ");
    };
    const mountIso = explain("virtualization", "MountIso");
    expect(mountIso).toContain("`iso_path` decides which file");
    expect(mountIso).toContain("Write with Medium risk");
    const listVms = explain("virtualization", "ListVms");
    expect(listVms).toContain("only reads");
    expect(listVms).not.toEqual(mountIso);
    // With the tool's own name blanked out, the explanations still differ widely.
    const whys = new Set(
      index.servers.flatMap((server) =>
        server.tools.map((tool) => toolGuidance(tool).why.join(" ").replaceAll(tool.tool.name, "X")),
      ),
    );
    expect(whys.size).toBeGreaterThan(index.toolCount / 2);
  });
});

describe("searchCatalogue", () => {
  it("finds tools by words across servers and filters by category and risk", () => {
    const found = searchCatalogue(index, { q: "mount iso" });
    expect(found.tools.map((tool) => tool.tool.name)).toContain("MountIso");
    const writes = searchCatalogue(index, { category: "Destructive" });
    expect(writes.tools.length).toBeGreaterThan(0);
    expect(writes.tools.every((tool) => tool.riskClass.category === "Destructive")).toBe(true);
    const critical = searchCatalogue(index, { risk: "Critical", q: "virtualization" });
    expect(
      critical.tools.every(
        (tool) => tool.riskClass.risk === "Critical" && tool.server.slug === "virtualization",
      ),
    ).toBe(true);
    expect(searchCatalogue(index, { q: "no-such-thing-anywhere" }).servers).toEqual([]);
  });
});
