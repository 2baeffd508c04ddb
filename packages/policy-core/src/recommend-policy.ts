import { canonicalToolName } from "./canonical-name";
import { classifyTool } from "./risk/classify-tool";
import { CATEGORY_ORDER, type RiskClass, type ToolCategory, type ToolDefinition } from "./risk/risk-types";
import { ACTION_ARGUMENTS } from "./risk/vocabulary";
import type { Policy, PolicyRule } from "./schema/policy-schema";

const RATE_BY_CATEGORY: Record<ToolCategory, string | undefined> = {
  Read: undefined,
  Write: "30/minute",
  Execute: "10/minute",
  Destructive: undefined,
};

/**
 * A starting policy for a catalogue: default deny; Read → allow, Write → 30/minute per
 * grant, Execute → 10/minute per grant, Destructive → hidden. A portmanteau tool keeps its
 * safe actions and gets deny_if on its destructive ones instead of being hidden. Resources (read-only)
 * and prompts are allowed.
 */
export function recommendPolicy(catalogue: (ToolDefinition & { class?: RiskClass })[]): Policy {
  const tools: Record<string, PolicyRule> = {};
  const hide: string[] = [];
  const seen = new Set<string>();
  for (const tool of [...catalogue].sort(byStrictness)) {
    const canonical = canonicalToolName(tool.name);
    // A "*" in a real name would turn the key into a glob; such tools stay under default deny.
    if (canonical === "" || canonical.includes("*") || seen.has(canonical)) continue;
    seen.add(canonical);
    const riskClass = tool.class ?? classifyTool(tool);
    const portmanteau = portmanteauRule(tool, riskClass);
    if (portmanteau) tools[tool.name] = portmanteau;
    else if (riskClass.category === "Destructive") hide.push(tool.name);
    else tools[tool.name] = rateRule(riskClass.category);
  }
  const policy: Policy = { version: "1", default: "deny" };
  if (hide.length > 0) policy.hide = hide.sort();
  policy.tools = Object.fromEntries(Object.entries(tools).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // Resources are read-only and prompts are templates: both allowed. Narrow them in the JSON.
  policy.resources = { "*": {} };
  policy.prompts = { "*": {} };
  return policy;
}

function rateRule(category: ToolCategory): PolicyRule {
  const rate = RATE_BY_CATEGORY[category];
  return rate === undefined ? {} : { rate_limit: rate };
}

/** deny_if on the destructive actions, limits by the worst action left; undefined if not portmanteau. */
function portmanteauRule(tool: ToolDefinition, riskClass: RiskClass): PolicyRule | undefined {
  const actions = Object.entries(riskClass.actions ?? {});
  const argument = actionArgument(tool.inputSchema);
  if (actions.length === 0 || argument === undefined || riskClass.category !== "Destructive")
    return undefined;
  const destructive = actions.filter(([, value]) => value.category === "Destructive").map(([name]) => name);
  const safe = actions.filter(([, value]) => value.category !== "Destructive");
  if (safe.length === 0) return undefined;
  const worstSafe = safe.reduce<ToolCategory>(
    (worst, [, value]) =>
      CATEGORY_ORDER.indexOf(value.category) > CATEGORY_ORDER.indexOf(worst) ? value.category : worst,
    "Read",
  );
  return {
    ...rateRule(worstSafe),
    deny_if: [{ path: `args.${argument}`, op: "in", value: destructive }],
    on_deny: `Destructive actions of ${tool.name} (${destructive.join(", ")}) are blocked by this policy.`,
  };
}

function actionArgument(schema: unknown): string | undefined {
  if (typeof schema !== "object" || schema === null || !("properties" in schema)) return undefined;
  const properties = schema.properties;
  if (typeof properties !== "object" || properties === null) return undefined;
  return ACTION_ARGUMENTS.find((name) => name in properties);
}

// When two names collide after canonicalisation, the stricter class decides their shared rule.
function byStrictness(
  a: { class?: RiskClass } & ToolDefinition,
  b: { class?: RiskClass } & ToolDefinition,
): number {
  const rank = (tool: ToolDefinition & { class?: RiskClass }) =>
    CATEGORY_ORDER.indexOf((tool.class ?? classifyTool(tool)).category);
  return rank(b) - rank(a);
}
