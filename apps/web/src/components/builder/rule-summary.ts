import type { PolicyRule } from "@toolgate/policy-core";

/** Short lines describing a rule on its card: limits, conditions, approval, message. */
export function ruleSummary(rule: PolicyRule): string[] {
  const lines: string[] = [];
  for (const limit of rule.limits ?? []) {
    lines.push(`${limit.max}/${limit.window} per ${limit.scope} (${limit.counter})`);
  }
  if (rule.rate_limit !== undefined) lines.push(`rate_limit ${rule.rate_limit}`);
  for (const condition of rule.require ?? [])
    lines.push(`require ${condition.path} ${condition.op} ${JSON.stringify(condition.value ?? true)}`);
  for (const condition of rule.deny_if ?? [])
    lines.push(`deny if ${condition.path} ${condition.op} ${JSON.stringify(condition.value ?? true)}`);
  if (rule.approval?.timeout !== undefined) lines.push(`approval times out after ${rule.approval.timeout}`);
  if (rule.approval?.by === "user") lines.push("approved by the agent's user, in their client");
  const message = rule.on_deny ?? rule.reason;
  if (message !== undefined) lines.push(`says “${message}”`);
  return lines;
}
