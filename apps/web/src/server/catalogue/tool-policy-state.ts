import { type CompiledPolicy, evaluateCall, isToolVisible } from "@toolgate/policy-core";

export type ToolPolicyState =
  | "allowed"
  | "rate_limited"
  | "approval"
  | "denied"
  | "conditional"
  | "hidden"
  | "no_policy";

/** What the published policy does with a call to `tool` (arguments unknown, so conditions show as conditional). */
export function toolPolicyState(
  policy: CompiledPolicy | null,
  tool: string,
): { state: ToolPolicyState; rule: string } {
  if (policy === null) return { state: "no_policy", rule: "(no policy)" };
  if (!isToolVisible(policy, tool)) return { state: "hidden", rule: "(hidden)" };
  const decision = evaluateCall(policy, { tool, args: {}, tenantId: "", serverId: "", grantId: "" });
  switch (decision.outcome) {
    case "allow":
      return { state: "allowed", rule: decision.rule };
    case "check_limits":
      return { state: "rate_limited", rule: decision.rule };
    case "require_approval":
      return { state: "approval", rule: decision.rule };
    case "deny":
      // A condition decided on the empty arguments: real calls may go either way.
      return /\/(require|deny_if)\//.test(decision.rule)
        ? { state: "conditional", rule: decision.rule }
        : { state: "denied", rule: decision.rule };
  }
}
