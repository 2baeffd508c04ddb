import { type Policy, type PolicyRule, type RiskClass, recommendPolicy } from "@toolgate/policy-core";
import type { CatalogueTool } from "./catalogue-schema";

const RATE = /^(\d+)\/(\w+)$/;
const WINDOWS = ["second", "minute", "hour", "day"] as const;

/** The counter a tool's own limit uses: its name in lower case, other characters as "_". */
export function counterFor(toolName: string): string {
  const base = toolName
    .toLowerCase()
    .replace(/[^a-z0-9_.:-]+/g, "_")
    .slice(0, 120);
  return `${base === "" ? "tool" : base}_rate`;
}

/**
 * The recommended policy for one tool on its own: policy-core's recommendation for the tool's
 * class under default deny, with a shorthand rate written out as a named per-grant limit (so
 * MountIso, Write/Medium, gives exactly the canonical policy).
 */
export function recommendToolPolicy(tool: CatalogueTool, riskClass: RiskClass): Policy {
  const recommended = recommendPolicy([{ ...tool, class: riskClass }]);
  const tools = Object.fromEntries(
    Object.entries(recommended.tools ?? {}).map(([name, rule]) => [name, expandRate(name, rule)]),
  );
  const policy: Policy = { version: "1", default: "deny" };
  if (recommended.hide !== undefined) policy.hide = recommended.hide;
  if (Object.keys(tools).length > 0) policy.tools = tools;
  return policy;
}

function expandRate(name: string, rule: PolicyRule): PolicyRule {
  const { rate_limit: rate, ...rest } = rule;
  const match = rate === undefined ? null : RATE.exec(rate);
  const window = WINDOWS.find((unit) => unit === match?.[2]);
  if (match === null || window === undefined) return rule;
  return {
    limits: [{ counter: counterFor(name), window, max: Number(match[1]), scope: "grant" }],
    ...rest,
  };
}
