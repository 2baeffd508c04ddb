import {
  type CallContext,
  type CompiledPolicy,
  compilePolicy,
  type Decision,
  evaluateCall,
  parsePolicy,
} from "../../src/index";

/** Parses (failing loudly with the issues) and compiles a policy written inline in a test. */
export function compiled(document: unknown): CompiledPolicy {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(`test policy is invalid: ${JSON.stringify(result.issues)}`);
  return compilePolicy(result.policy);
}

export const baseCall: CallContext = {
  tool: "MountIso",
  args: {},
  tenantId: "tnt_1",
  serverId: "srv_1",
  grantId: "grt_1",
  sessionId: "ses_1",
};

/** Evaluates a call to `tool` with `args` under the policy. */
export function decide(policy: CompiledPolicy, tool: string, args: Record<string, unknown> = {}): Decision {
  return evaluateCall(policy, { ...baseCall, tool, args });
}
