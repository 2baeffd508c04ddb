import {
  compilePolicy,
  type Decision,
  evaluateCall,
  explainDecision,
  type Policy,
  type PolicyIssue,
  parsePolicy,
} from "@toolgate/policy-core";
import { ruleKeyOfPointer } from "./rule-pointer";

export type SimulatedCall = { tool: string; args: Record<string, unknown>; grantId: string };

export type Simulation =
  | { ok: true; decision: Decision; explanation: string; ruleKey: string | undefined }
  | { ok: false; issues: PolicyIssue[] };

/**
 * Evaluates one call against the draft exactly as the gateway would (policy-core in the
 * browser): the decision, the rule that fired, and the plain-language explanation.
 */
export function simulateCall(
  policy: Policy,
  call: SimulatedCall,
  ids: { tenantId: string; serverId: string },
): Simulation {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const compiled = compilePolicy(parsed.policy);
  const context = { ...ids, tool: call.tool, args: call.args, grantId: call.grantId, sessionId: "simulator" };
  const decision = evaluateCall(compiled, context);
  return {
    ok: true,
    decision,
    explanation: explainDecision(compiled, context, decision),
    ruleKey: ruleKeyOfPointer(decision.rule),
  };
}
