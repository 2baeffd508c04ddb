import { type Policy, recommendPolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import { fromPolicy, toPolicy } from "./builder-state";
import type { CatalogueTool } from "./catalogue-tool";
import { recommendedState } from "./recommended-state";

const catalogue: CatalogueTool[] = [
  { name: "ListVms", description: "List virtual machines.", category: "Read", risk: "Low", inputSchema: {} },
  { name: "MountIso", description: "Mount an ISO.", category: "Write", risk: "Medium", inputSchema: {} },
  { name: "DeleteVm", description: "Delete a VM.", category: "Destructive", risk: "High", inputSchema: {} },
];

describe("recommendedState", () => {
  const draft: Policy = {
    version: "1",
    default: "allow",
    hide: ["Secret*"],
    all_tools: { limits: [{ counter: "all", window: "hour", max: 1000, scope: "tenant" }] },
    tools: { MountIso: { action: "deny" }, "Backup*": { action: "require_approval" } },
  };

  it("takes policy-core's recommendation for catalogue tools and keeps everything else", () => {
    const { next } = recommendedState(fromPolicy(draft), catalogue);
    const recommended = recommendPolicy(
      catalogue.map((tool) => ({ ...tool, class: { ...tool, reason: "" } })),
    );
    expect(toPolicy(next)).toEqual({
      version: "1",
      default: recommended.default,
      hide: [...(recommended.hide ?? []), "Secret*"],
      all_tools: draft.all_tools,
      tools: { ...recommended.tools, "Backup*": { action: "require_approval" } },
      resources: { "*": {} },
      prompts: { "*": {} },
    });
  });

  it("keeps the draft's own resource and prompt rules", () => {
    const own = { ...draft, resources: { "file:///etc/*": { action: "deny" as const } }, prompts: {} };
    const { next } = recommendedState(fromPolicy(own), catalogue);
    expect(toPolicy(next)).toMatchObject({ resources: own.resources, prompts: {} });
  });

  it("lists the lane each catalogue tool would move to, before anything is applied", () => {
    const { lanes, changes } = recommendedState(fromPolicy(draft), catalogue);
    expect(lanes).toEqual([
      { tool: "MountIso", from: "deny", to: "rate_limit" },
      { tool: "DeleteVm", from: "allow", to: "hide" },
    ]);
    expect(changes.map((change) => change.path)).toContain("/default");
  });

  it("reports no change when the draft already is the recommendation", () => {
    const once = recommendedState(fromPolicy(draft), catalogue).next;
    expect(recommendedState(once, catalogue).changes).toEqual([]);
  });
});
