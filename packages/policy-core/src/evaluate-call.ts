import type { CompiledLimit, CompiledPolicy } from "./compile/compiled-policy";
import { limitCheck } from "./compile/limit-key";
import { resolveTool } from "./compile/resolve-tool";
import { type CallContext, type Decision, type LimitCheck, RULE_LABELS } from "./decision";

/**
 * Decides one tools/call. Order: hidden → deny → deny_if → require → approval → limits →
 * allow; the first denial wins.
 */
export function evaluateCall(policy: CompiledPolicy, call: CallContext): Decision {
  const resolution = resolveTool(policy, call.tool);
  if (resolution.fixed) return resolution.fixed;
  const rule = resolution.rule;
  if (!rule) {
    return {
      outcome: "check_limits",
      rule: RULE_LABELS.defaultAllow,
      limits: checks(policy.allToolsLimits, call),
    };
  }
  const args = call.args;
  for (const guarded of rule.denyIf) {
    if (guarded.condition.holds(args)) return guarded.denial;
  }
  for (const guarded of rule.require) {
    if (!guarded.condition.holds(args)) return guarded.denial;
  }
  if (rule.action === "require_approval") {
    return {
      outcome: "require_approval",
      rule: rule.pointer,
      timeoutSeconds: rule.timeoutSeconds,
      approvalBy: rule.approvalBy,
      limits: checks(rule.limits, call),
    };
  }
  if (rule.limits.length === 0) return { outcome: "allow", rule: rule.pointer };
  return { outcome: "check_limits", rule: rule.pointer, limits: checks(rule.limits, call) };
}

function checks(limits: readonly CompiledLimit[], call: CallContext): LimitCheck[] {
  return limits.map((limit) => limitCheck(limit, call.tenantId, call.serverId, call.grantId, call.sessionId));
}
