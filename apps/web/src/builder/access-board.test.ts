import { type Policy, parsePolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import { accessCards } from "./access-board";
import type { CatalogueAccessItem } from "./access-catalogue";
import { boardCards } from "./board";
import { applyBuilderAction, type BuilderAction } from "./builder-actions";
import { fromPolicy, toPolicy } from "./builder-state";

const item = (kind: CatalogueAccessItem["kind"], listed: string, key = listed): CatalogueAccessItem => ({
  kind,
  key,
  listed,
  title: null,
  description: "",
});
const resources = [
  item("resource", "vbox://host/info"),
  item("resource", "vbox://host/audit-log"),
  item("template", "vbox://vms/{name}/config", "vbox://vms/*/config"),
];
const prompts = [item("prompt", "triage-vm"), item("prompt", "wipe-host")];

function lanes(policy: Policy) {
  const state = fromPolicy(policy);
  return Object.fromEntries(
    [...accessCards(state, "resource", resources), ...accessCards(state, "prompt", prompts)].map((card) => [
      `${card.kind} ${card.id}`,
      [card.lane, card.via],
    ]),
  );
}

function run(start: Policy, ...actions: BuilderAction[]): Policy {
  const policy = toPolicy(actions.reduce(applyBuilderAction, fromPolicy(start)));
  // What the board produces is exactly what policy-core accepts.
  expect(parsePolicy(policy)).toMatchObject({ ok: true });
  return policy;
}

const empty: Policy = { version: "1", default: "deny" };

describe("accessCards", () => {
  it("places each resource, template and prompt by its rule, a glob, the hide list or the default", () => {
    const policy: Policy = {
      version: "1",
      default: "deny",
      hide: ["resource:vbox://host/audit-log", "prompt:wipe-*"],
      resources: {
        "vbox://host/info": { rate_limit: "10/minute" },
        "vbox://vms/*": { action: "require_approval" },
        "file:///etc/*": { action: "deny" },
      },
      prompts: { "TRIAGE-VM": {} },
    };
    expect(lanes(policy)).toEqual({
      "resource resource:vbox://host/info": ["rate_limit", undefined],
      "resource resource:vbox://host/audit-log": ["hide", undefined],
      "resource template:vbox://vms/{name}/config": ["require_approval", "vbox://vms/*"],
      "resource rule:vbox://vms/*": ["require_approval", undefined],
      "resource rule:file:///etc/*": ["deny", undefined],
      // A prompt rule matches by canonical name, as the gateway matches it.
      "prompt prompt:triage-vm": ["allow", undefined],
      "prompt prompt:wipe-host": ["hide", "(hidden)"],
      "prompt hide:prompt:wipe-*": ["hide", undefined],
    });
  });

  it("puts unruled items in the default's lane", () => {
    expect(lanes({ version: "1", default: "allow" })).toEqual({
      "resource resource:vbox://host/info": ["allow", undefined],
      "resource resource:vbox://host/audit-log": ["allow", undefined],
      "resource template:vbox://vms/{name}/config": ["allow", undefined],
      "prompt prompt:triage-vm": ["allow", undefined],
      "prompt prompt:wipe-host": ["allow", undefined],
    });
  });

  it("keeps resource and prompt hide entries off the tool board", () => {
    const state = fromPolicy({
      version: "1",
      default: "deny",
      hide: ["resource:file:///x", "prompt:p", "Del*"],
    });
    expect(boardCards(state, []).map((card) => card.key)).toEqual(["Del*"]);
  });
});

describe("moving resource and prompt cards", () => {
  it("writes the rule each lane means into the resources or prompts section", () => {
    const policy = run(
      empty,
      { type: "move_access", kind: "resource", key: "vbox://host/info", lane: "allow" },
      { type: "move_access", kind: "resource", key: "vbox://vms/*/config", lane: "require_approval" },
      { type: "move_access", kind: "resource", key: "vbox://host/audit-log", lane: "deny" },
      { type: "move_access", kind: "prompt", key: "triage-vm", lane: "rate_limit" },
      { type: "move_access", kind: "prompt", key: "wipe-host", lane: "hide" },
    );
    expect(policy).toEqual({
      version: "1",
      default: "deny",
      hide: ["prompt:wipe-host"],
      resources: {
        "vbox://host/info": {},
        "vbox://vms/*/config": { action: "require_approval" },
        "vbox://host/audit-log": { action: "deny" },
      },
      prompts: {
        "triage-vm": {
          limits: [{ counter: "prompt_triage-vm_rate", window: "minute", max: 30, scope: "grant" }],
        },
      },
    });
    const state = fromPolicy(policy);
    expect(accessCards(state, "resource", resources).map((card) => card.lane)).toEqual([
      "allow",
      "deny",
      "require_approval",
    ]);
    expect(accessCards(state, "prompt", prompts).map((card) => card.lane)).toEqual(["rate_limit", "hide"]);
  });

  it("unhides a card moved out of Hide and keeps its message and limits where the lane allows", () => {
    const start: Policy = {
      ...empty,
      hide: ["resource:vbox://host/info", "Delete*"],
      resources: { "vbox://host/info": { on_deny: "Ask ops.", rate_limit: "5/minute" } },
    };
    expect(
      run(start, {
        type: "move_access",
        kind: "resource",
        key: "vbox://host/info",
        lane: "require_approval",
      }),
    ).toEqual({
      ...empty,
      hide: ["Delete*"],
      resources: {
        "vbox://host/info": { action: "require_approval", on_deny: "Ask ops.", rate_limit: "5/minute" },
      },
    });
  });

  it("edits and removes a rule without touching a glob the board shows as its own card", () => {
    const start: Policy = {
      ...empty,
      resources: { "file:///etc/*": { action: "deny" }, "vbox://host/info": {} },
    };
    const edited = run(start, {
      type: "set_access_rule",
      kind: "resource",
      key: "vbox://host/info",
      rule: { action: "require_approval", approval: { timeout: "5m" } },
    });
    expect(edited.resources).toEqual({
      "file:///etc/*": { action: "deny" },
      "vbox://host/info": { action: "require_approval", approval: { timeout: "5m" } },
    });
    const removed = run(edited, { type: "remove_access", kind: "resource", key: "vbox://host/info" });
    expect(removed.resources).toEqual({ "file:///etc/*": { action: "deny" } });
    expect(run(removed, { type: "remove_access", kind: "resource", key: "file:///etc/*" })).toEqual(empty);
  });

  it("gives a resource's default limit a counter apart from a tool of the same name", () => {
    const start: Policy = {
      ...empty,
      tools: { notes: { limits: [{ counter: "notes_rate", window: "minute", max: 5, scope: "grant" }] } },
    };
    const policy = run(
      start,
      { type: "move_access", kind: "prompt", key: "notes", lane: "rate_limit" },
      { type: "move_access", kind: "resource", key: "notes", lane: "rate_limit" },
    );
    expect(policy.prompts?.notes?.limits?.[0]?.counter).toBe("prompt_notes_rate");
    expect(policy.resources?.notes?.limits?.[0]?.counter).toBe("resource_notes_rate");
  });
});
