import type { PolicyRule } from "@toolgate/policy-core";

export const LANES = ["allow", "rate_limit", "require_approval", "deny", "hide"] as const;
export type Lane = (typeof LANES)[number];

export const LANE_TITLES: Record<Lane, string> = {
  allow: "Allow",
  rate_limit: "Rate-limit",
  require_approval: "Require approval",
  deny: "Deny",
  hide: "Hide",
};

/** The lane a rule belongs in; hidden keys are always in Hide, whatever their rule says. */
export function laneOfRule(rule: PolicyRule, hidden: boolean): Lane {
  if (hidden) return "hide";
  if (rule.action === "deny") return "deny";
  if (rule.action === "require_approval") return "require_approval";
  if ((rule.limits?.length ?? 0) > 0 || rule.rate_limit !== undefined) return "rate_limit";
  return "allow";
}
