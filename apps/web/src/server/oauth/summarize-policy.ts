import { parsePolicy } from "@toolgate/policy-core";

/** One line per lane and limit of a policy, for the consent screen; null document means none published. */
export function summarizePolicy(document: unknown): string[] {
  if (document === null) return ["No policy is published yet: every call is allowed."];
  const parsed = parsePolicy(document);
  if (!parsed.ok) return ["The published policy could not be read."];
  const policy = parsed.policy;
  const lanes = { allow: [] as string[], deny: [] as string[], require_approval: [] as string[] };
  const limited: string[] = [];
  for (const [tool, rule] of Object.entries(policy.tools ?? {})) {
    lanes[rule.action ?? "allow"].push(tool);
    const limits = [
      ...(rule.rate_limit === undefined ? [] : [rule.rate_limit]),
      ...(rule.limits ?? []).map((limit) => `${limit.max}/${limit.window} per ${limit.scope}`),
    ];
    if (limits.length > 0) limited.push(`${tool}: ${limits.join(", ")}`);
  }
  const lines = [`Tools not named: ${policy.default === "allow" ? "allowed" : "denied"}.`];
  if (lanes.allow.length > 0) lines.push(`Allowed: ${lanes.allow.join(", ")}.`);
  if (lanes.require_approval.length > 0) lines.push(`Need approval: ${lanes.require_approval.join(", ")}.`);
  if (lanes.deny.length > 0) lines.push(`Denied: ${lanes.deny.join(", ")}.`);
  if ((policy.hide ?? []).length > 0) lines.push(`Hidden: ${(policy.hide ?? []).join(", ")}.`);
  for (const line of limited) lines.push(`Limit ${line}.`);
  return lines;
}
