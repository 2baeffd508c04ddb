import { compilePolicy, evaluateCall, type Policy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import { simulateCall } from "./simulate-call";

const policy: Policy = {
  version: "1",
  default: "deny",
  hide: ["Secret*"],
  tools: {
    MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] },
    VmManagement: { deny_if: [{ path: "args.action", op: "eq", value: "delete" }] },
    "Start*": { action: "require_approval", approval: { timeout: "5m" } },
    ListVms: {},
  },
};
const ids = { tenantId: "ten_1", serverId: "srv_1" };

describe("simulateCall", () => {
  it.each([
    ["MountIso", {}, "check_limits", "/tools/MountIso", "MountIso"],
    ["VmManagement", { action: "delete" }, "deny", "/tools/VmManagement/deny_if/0", "VmManagement"],
    ["VmManagement", { action: "list" }, "allow", "/tools/VmManagement", "VmManagement"],
    ["StartVm", {}, "require_approval", "/tools/Start*", "Start*"],
    ["SecretDump", {}, "deny", "(hidden)", undefined],
    ["DeleteVm", {}, "deny", "(default deny)", undefined],
  ])("%s %j → %s by %s, as the gateway decides", (tool, args, outcome, rule, ruleKey) => {
    const call = { tool, args, grantId: "grt_sim" };
    const simulated = simulateCall(policy, call, ids);
    const gateway = evaluateCall(compilePolicy(policy), { ...ids, ...call, sessionId: "simulator" });
    expect(simulated).toMatchObject({ ok: true, decision: gateway, ruleKey });
    expect(gateway).toMatchObject({ outcome, rule });
    expect(simulated.ok && simulated.explanation).toContain(tool);
  });

  it("reports the issues of an invalid draft instead of deciding", () => {
    const broken = {
      ...policy,
      tools: { X: { limits: [{ counter: "c", window: "minute", max: 0, scope: "grant" }] } },
    };
    const simulated = simulateCall(broken as Policy, { tool: "X", args: {}, grantId: "g" }, ids);
    expect(simulated).toMatchObject({ ok: false, issues: [{ path: "/tools/X/limits/0/max" }] });
  });
});

describe("simulateCall for resources and prompts", () => {
  const access: Policy = {
    version: "1",
    default: "deny",
    resources: { "file:///public/*": {}, "file:///logs/*": { action: "require_approval" } },
    prompts: { greeting: { rate_limit: "5/minute" } },
  };

  it.each([
    ["resource:file:///public/a.md", "allow", "/resources/file:~1~1~1public~1*"],
    ["resource:file:///public/../etc/passwd", "deny", "(default deny)"],
    ["resource:file:///logs/x", "require_approval", "/resources/file:~1~1~1logs~1*"],
    ["prompt:greeting", "check_limits", "/prompts/greeting"],
    ["prompt:other", "deny", "(default deny)"],
  ])("%s → %s by %s", (target, outcome, rule) => {
    const simulated = simulateCall(access, { tool: target, args: {}, grantId: "grt_sim" }, ids);
    expect(simulated).toMatchObject({ ok: true, decision: { outcome, rule } });
    expect(simulated.ok && simulated.explanation).toContain(rule);
  });
});
