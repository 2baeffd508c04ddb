import {
  compilePolicy,
  type Decision,
  evaluateAccess,
  evaluateCall,
  explainDecision,
  type Policy,
  type PolicyIssue,
  parsePolicy,
} from "@toolgate/policy-core";
import { parseAccessLabel } from "./access-label";
import { ruleKeyOfPointer } from "./rule-pointer";

export type SimulatedCall = { tool: string; args: Record<string, unknown>; grantId: string };

export type Simulation =
  | { ok: true; decision: Decision; explanation: string; ruleKey: string | undefined }
  | { ok: false; issues: PolicyIssue[] };

/**
 * Evaluates one call against the draft exactly as the gateway would (policy-core in the
 * browser): the decision, the rule that fired, and the plain-language explanation. A "tool" written
 * "resource:<uri>" or "prompt:<name>" simulates a resources/read or a prompts/get instead.
 */
export function simulateCall(
  policy: Policy,
  call: SimulatedCall,
  ids: { tenantId: string; serverId: string },
): Simulation {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const compiled = compilePolicy(parsed.policy);
  const access = parseAccessLabel(call.tool);
  if (access !== undefined) {
    const request = { ...ids, ...access, grantId: call.grantId, sessionId: "simulator" };
    const decision = evaluateAccess(compiled, request);
    const what = access.kind === "resource" ? `Resource "${access.name}"` : `Prompt "${access.name}"`;
    return { ok: true, decision, explanation: describeAccess(what, decision), ruleKey: undefined };
  }
  const context = { ...ids, tool: call.tool, args: call.args, grantId: call.grantId, sessionId: "simulator" };
  const decision = evaluateCall(compiled, context);
  return {
    ok: true,
    decision,
    explanation: explainDecision(compiled, context, decision),
    ruleKey: ruleKeyOfPointer(decision.rule),
  };
}

function describeAccess(what: string, decision: Decision): string {
  switch (decision.outcome) {
    case "deny":
      return `${what} is denied by ${decision.rule}: ${decision.reason}`;
    case "allow":
      return `${what} is allowed by ${decision.rule}; no limits apply.`;
    case "check_limits":
      return `${what} is allowed by ${decision.rule} within its limits (${decision.limits.map((limit) => limit.rule).join(", ")}).`;
    case "require_approval":
      return `${what} waits for a reviewer's approval (${decision.rule}, up to ${decision.timeoutSeconds}s).`;
  }
}
