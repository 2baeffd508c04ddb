import { type Policy, parsePolicy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import { applyBuilderAction, type BuilderAction } from "./builder-actions";
import { fromPolicy, toPolicy } from "./builder-state";

const empty: Policy = { version: "1", default: "deny" };
const canonical: Policy = {
  version: "1",
  default: "deny",
  tools: { MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] } },
};

function run(start: Policy, ...actions: BuilderAction[]): Policy {
  const end = actions.reduce(applyBuilderAction, fromPolicy(start));
  const policy = toPolicy(end);
  expect(parsePolicy(policy).ok).toBe(true);
  return policy;
}

describe("applyBuilderAction", () => {
  it("builds the canonical policy from an empty one by moving MountIso to Rate-limit", () => {
    expect(run(empty, { type: "move", key: "MountIso", lane: "rate_limit" })).toEqual(canonical);
  });

  it.each([
    ["allow", {}],
    ["deny", { action: "deny" }],
    ["require_approval", { action: "require_approval" }],
  ] as const)("moves a card to %s with the rule that lane means", (lane, rule) => {
    expect(run(empty, { type: "move", key: "ListVms", lane }).tools).toEqual({ ListVms: rule });
  });

  it("keeps conditions and the deny message when a card changes lane, and drops limits on Allow", () => {
    const start: Policy = {
      ...empty,
      tools: {
        VmManagement: {
          on_deny: "Not that.",
          rate_limit: "5/minute",
          deny_if: [{ path: "args.action", op: "eq", value: "delete" }],
        },
      },
    };
    const denied = run(start, { type: "move", key: "VmManagement", lane: "deny" });
    expect(denied.tools?.VmManagement).toEqual({
      action: "deny",
      on_deny: "Not that.",
      deny_if: [{ path: "args.action", op: "eq", value: "delete" }],
    });
    const approval = run(start, { type: "move", key: "VmManagement", lane: "require_approval" });
    expect(approval.tools?.VmManagement).toMatchObject({
      action: "require_approval",
      rate_limit: "5/minute",
    });
    expect(run(start, { type: "move", key: "VmManagement", lane: "allow" }).tools?.VmManagement).toEqual({
      on_deny: "Not that.",
      deny_if: [{ path: "args.action", op: "eq", value: "delete" }],
    });
  });

  it("hides and unhides a key without losing its rule", () => {
    const hidden = run(canonical, { type: "move", key: "MountIso", lane: "hide" });
    expect(hidden.hide).toEqual(["MountIso"]);
    expect(hidden.tools).toEqual(canonical.tools);
    expect(run(hidden, { type: "move", key: "mountiso", lane: "rate_limit" })).toEqual(canonical);
  });

  it("gives a second default limit its own counter, so budgets are not shared by accident", () => {
    const start: Policy = {
      ...empty,
      tools: {
        Mount_Iso: { limits: [{ counter: "mountiso_rate", window: "hour", max: 5, scope: "tenant" }] },
      },
    };
    const policy = run(start, { type: "move", key: "MountIso", lane: "rate_limit" });
    expect(policy.tools?.MountIso?.limits?.[0]?.counter).toBe("mountiso_rate_2");
  });

  it("adds glob rules and names outside the catalogue, removes them, and clears", () => {
    const withGlob = run(
      empty,
      { type: "move", key: "Delete*", lane: "deny" },
      { type: "move", key: "Secret", lane: "hide" },
    );
    expect(withGlob).toEqual({ ...empty, tools: { "Delete*": { action: "deny" } }, hide: ["Secret"] });
    expect(run(withGlob, { type: "remove", key: "Delete*" }, { type: "remove", key: "Secret" })).toEqual(
      empty,
    );
    expect(run(canonical, { type: "clear" })).toEqual(empty);
  });

  it("switches the default and sets all_tools limits", () => {
    const limit = { counter: "all", window: 60, max: 100, scope: "tenant" } as const;
    const policy = run(
      empty,
      { type: "set_default", value: "allow" },
      { type: "set_all_tools_limits", limits: [limit] },
    );
    expect(policy).toEqual({ version: "1", default: "allow", all_tools: { limits: [limit] } });
    expect(run(policy, { type: "set_all_tools_limits", limits: [] })).toEqual({
      version: "1",
      default: "allow",
    });
  });
});
