import { parsePolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import canonicalPolicy from "../fixtures/canonical-policy.json";
import { matchTenantServer } from "./match-tenant-server";
import { withRecommendedRule } from "./with-recommended-rule";

const canonical = (() => {
  const parsed = parsePolicy(canonicalPolicy);
  if (!parsed.ok) throw new Error("canonical policy must parse");
  return parsed.policy;
})();

describe("withRecommendedRule", () => {
  it("opens the recommended policy itself when nothing is published", () => {
    expect(withRecommendedRule(undefined, canonical, "MountIso")).toEqual(canonicalPolicy);
  });

  it("replaces only the tool's own rule and hide entry in a published policy", () => {
    const published = parsePolicy({
      version: "1",
      default: "allow",
      hide: ["mountiso", "DeleteVm"],
      tools: { MOUNTISO: { action: "deny" }, ListVms: {} },
      all_tools: { limits: [{ counter: "all", window: "minute", max: 600, scope: "grant" }] },
    });
    if (!published.ok) throw new Error("fixture must parse");
    const draft = withRecommendedRule(published.policy, canonical, "MountIso");
    expect(draft).toEqual({
      version: "1",
      default: "allow",
      hide: ["DeleteVm"],
      tools: { ListVms: {}, MountIso: canonical.tools?.MountIso },
      all_tools: { limits: [{ counter: "all", window: "minute", max: 600, scope: "grant" }] },
    });
    expect(parsePolicy(draft).ok).toBe(true);
  });

  it("hides a tool whose recommendation is to hide it", () => {
    const draft = withRecommendedRule(
      canonical,
      { version: "1", default: "deny", hide: ["DeleteVm"] },
      "DeleteVm",
    );
    expect(draft.hide).toEqual(["DeleteVm"]);
    expect(draft.tools).toEqual(canonical.tools);
  });
});

describe("matchTenantServer", () => {
  const catalogue = ["ListVms", "MountIso", "StartVm", "DeleteVm"];
  it("picks the server listing the tool that shares most tools with the catalogue entry", () => {
    const servers = [
      { id: "srv_other", toolNames: ["echo", "add"] },
      { id: "srv_partial", toolNames: ["mountiso"] },
      { id: "srv_full", toolNames: ["ListVms", "MountIso", "StartVm"] },
    ];
    expect(matchTenantServer(catalogue, "MountIso", servers)).toBe("srv_full");
  });

  it("finds none when no server lists the tool", () => {
    expect(
      matchTenantServer(catalogue, "MountIso", [{ id: "srv_a", toolNames: ["ListVms", "StartVm"] }]),
    ).toBe(undefined);
  });
});
