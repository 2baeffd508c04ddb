import { type Policy, recommendPolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import type { AccessCatalogue } from "./access-catalogue";
import { fromPolicy, toPolicy } from "./builder-state";
import type { CatalogueTool } from "./catalogue-tool";
import { recommendedState } from "./recommended-state";

const catalogue: CatalogueTool[] = [
  { name: "ListVms", description: "List virtual machines.", category: "Read", risk: "Low", inputSchema: {} },
  { name: "MountIso", description: "Mount an ISO.", category: "Write", risk: "Medium", inputSchema: {} },
  { name: "DeleteVm", description: "Delete a VM.", category: "Destructive", risk: "High", inputSchema: {} },
];

const access: AccessCatalogue = {
  resources: [
    { kind: "resource", key: "vbox://host/info", listed: "vbox://host/info", title: null, description: "" },
    {
      kind: "resource",
      key: "vbox://host/audit-log",
      listed: "vbox://host/audit-log",
      title: null,
      description: "",
    },
    {
      kind: "template",
      key: "vbox://vms/*/config",
      listed: "vbox://vms/{name}/config",
      title: null,
      description: "",
    },
  ],
  prompts: [
    { kind: "prompt", key: "triage-vm", listed: "triage-vm", title: null, description: "" },
    { kind: "prompt", key: "wipe-host", listed: "wipe-host", title: null, description: "" },
  ],
};

describe("recommendedState", () => {
  const draft: Policy = {
    version: "1",
    default: "allow",
    hide: ["Secret*"],
    all_tools: { limits: [{ counter: "all", window: "hour", max: 1000, scope: "tenant" }] },
    tools: { MountIso: { action: "deny" }, "Backup*": { action: "require_approval" } },
  };

  it("takes policy-core's recommendation for catalogue tools and keeps everything else", () => {
    const { next } = recommendedState(fromPolicy(draft), catalogue, access);
    const recommended = recommendPolicy(
      catalogue.map((tool) => ({ ...tool, class: { ...tool, reason: "" } })),
    );
    expect(toPolicy(next)).toEqual({
      version: "1",
      default: recommended.default,
      hide: [...(recommended.hide ?? []), "Secret*"],
      all_tools: draft.all_tools,
      tools: { ...recommended.tools, "Backup*": { action: "require_approval" } },
      // Read-only resources (templates by their URI pattern) and prompts: allowed item by item.
      resources: { "vbox://host/info": {}, "vbox://host/audit-log": {}, "vbox://vms/*/config": {} },
      prompts: { "triage-vm": {}, "wipe-host": {} },
    });
  });

  it("keeps the draft's own resource and prompt rules and allows only what they leave ungoverned", () => {
    const own: Policy = {
      ...draft,
      hide: ["Secret*", "prompt:wipe-*"],
      resources: { "vbox://host/audit-log": { action: "deny" }, "vbox://vms/*": { rate_limit: "5/minute" } },
      prompts: { "TRIAGE-VM": { action: "require_approval" } },
    };
    const { next, lanes } = recommendedState(fromPolicy(own), catalogue, access);
    const policy = toPolicy(next);
    // Under the recommended default deny, the one resource the draft left to `default: allow` gets its own allow.
    expect(policy.resources).toEqual({ ...own.resources, "vbox://host/info": {} });
    expect(policy.prompts).toEqual(own.prompts);
    expect(policy.hide).toContain("prompt:wipe-*");
    expect(lanes.filter((change) => change.kind !== "tool")).toEqual([]);
  });

  it("shows a resource moving lane when the draft's default denied it", () => {
    const denying: Policy = { version: "1", default: "deny", tools: {} };
    const { lanes } = recommendedState(fromPolicy(denying), [], access);
    expect(lanes).toEqual([
      { kind: "resource", tool: "vbox://host/info", from: "deny", to: "allow" },
      { kind: "resource", tool: "vbox://host/audit-log", from: "deny", to: "allow" },
      { kind: "resource", tool: "vbox://vms/{name}/config", from: "deny", to: "allow" },
      { kind: "prompt", tool: "triage-vm", from: "deny", to: "allow" },
      { kind: "prompt", tool: "wipe-host", from: "deny", to: "allow" },
    ]);
  });

  it("lists the lane each catalogue tool would move to, before anything is applied", () => {
    const { lanes, changes } = recommendedState(fromPolicy(draft), catalogue, access);
    expect(lanes).toEqual([
      { kind: "tool", tool: "MountIso", from: "deny", to: "rate_limit" },
      { kind: "tool", tool: "DeleteVm", from: "allow", to: "hide" },
    ]);
    expect(changes.map((change) => change.path)).toContain("/default");
  });

  it("reports no change when the draft already is the recommendation", () => {
    const once = recommendedState(fromPolicy(draft), catalogue, access).next;
    expect(recommendedState(once, catalogue, access).changes).toEqual([]);
  });
});
