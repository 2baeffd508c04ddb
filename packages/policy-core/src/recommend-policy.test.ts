import fixture from "../test/fixtures/virtualization-tools.json";
import { decide } from "../test/support/policy";
import { compilePolicy } from "./compile/compile-policy";
import { parsePolicy } from "./parse-policy";
import { recommendPolicy } from "./recommend-policy";
import { isToolVisible } from "./tool-visibility";

describe("recommendPolicy on the virtualization catalogue", () => {
  const policy = recommendPolicy(fixture.tools);
  const compiled = compilePolicy(policy);

  it("produces a policy that validates", () => {
    expect(parsePolicy(policy)).toEqual({ ok: true, policy });
  });

  it("denies by default and hides destructive tools", () => {
    expect(policy.default).toBe("deny");
    expect(policy.hide).toEqual(["DeleteSnapshot", "DeleteVm", "RestoreSnapshot"]);
    expect(policy.resources).toEqual({ "*": {} });
    expect(policy.prompts).toEqual({ "*": {} });
    expect(isToolVisible(compiled, "DeleteVm")).toBe(false);
  });

  it.each([
    ["ListVms", {}],
    ["MountIso", { rate_limit: "30/minute" }],
    ["StartVm", { rate_limit: "10/minute" }],
    ["sandbox_management", { rate_limit: "10/minute" }],
  ])("%s gets %j", (tool, rule) => {
    expect(policy.tools?.[tool]).toEqual(rule);
  });

  it("keeps portmanteau tools, denying only their destructive actions", () => {
    expect(policy.tools?.vm_management).toEqual({
      rate_limit: "10/minute",
      deny_if: [{ path: "args.action", op: "in", value: ["delete"] }],
      on_deny: "Destructive actions of vm_management (delete) are blocked by this policy.",
    });
    expect(isToolVisible(compiled, "vm_management")).toBe(true);
    expect(decide(compiled, "vm_management", { action: "delete" })).toMatchObject({
      outcome: "deny",
      rule: "/tools/vm_management/deny_if/0",
    });
    expect(decide(compiled, "vm_management", { action: "list" })).toMatchObject({ outcome: "check_limits" });
    expect(decide(compiled, "snapshot_management", { action: "restore" })).toMatchObject({ outcome: "deny" });
  });

  it("honours a class the tenant overrode", () => {
    const overridden = recommendPolicy([
      { name: "DeleteVm", class: { category: "Read", risk: "Low", reason: "tenant override" } },
    ]);
    expect(overridden.tools).toEqual({ DeleteVm: {} });
  });

  it("gives colliding names the stricter rule and leaves '*' names to default deny", () => {
    const collided = recommendPolicy([
      { name: "ListVms" },
      { name: "List VMs", description: "Delete all VMs." },
      { name: "a*b" },
    ]);
    expect(collided).toEqual({
      version: "1",
      default: "deny",
      hide: ["List VMs"],
      tools: {},
      resources: { "*": {} },
      prompts: { "*": {} },
    });
    expect(parsePolicy(collided).ok).toBe(true);
  });
});
