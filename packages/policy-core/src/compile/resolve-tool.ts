import { canonicalToolName } from "../canonical-name";
import { type Decision, RULE_LABELS } from "../decision";
import type { CompiledPolicy, CompiledRule, Resolution } from "./compiled-policy";

// Tool names come from agents; the cache must not grow without bound.
const MAX_CACHED_NAMES = 10_000;

/** How a tool name resolves under the policy (hidden? which rule?), cached per name. */
export function resolveTool(policy: CompiledPolicy, name: string): Resolution {
  const cached = policy.cache.get(name);
  if (cached) return cached;
  const resolution = computeResolution(policy, name);
  if (policy.cache.size >= MAX_CACHED_NAMES) policy.cache.clear();
  policy.cache.set(name, resolution);
  return resolution;
}

/** The rule that governs a canonical name: exact key first, then the most specific glob. */
export function findRule(policy: CompiledPolicy, canonical: string): CompiledRule | undefined {
  const exact = policy.exact.get(canonical);
  if (exact) return exact;
  for (const rule of policy.globs) {
    if (rule.glob?.matches(canonical)) return rule;
  }
  return undefined;
}

/** Whether a canonical name is hidden by the policy's `hide` list. */
export function isHidden(policy: CompiledPolicy, canonical: string): boolean {
  if (policy.hideExact.has(canonical)) return true;
  for (const glob of policy.hideGlobs) {
    if (glob.matches(canonical)) return true;
  }
  return false;
}

function computeResolution(policy: CompiledPolicy, name: string): Resolution {
  const canonical = canonicalToolName(name);
  const hidden = isHidden(policy, canonical);
  const rule = findRule(policy, canonical);
  const base = { name, canonical, hidden, rule };
  if (hidden) {
    return {
      ...base,
      visible: false,
      fixed: deny(RULE_LABELS.hidden, `Tool '${name}' is not available to this agent.`),
    };
  }
  if (!rule) {
    if (policy.defaultAction === "deny") {
      return {
        ...base,
        visible: false,
        fixed: deny(RULE_LABELS.defaultDeny, `Tool '${name}' is not allowed by this policy.`),
      };
    }
    const fixed: Decision | undefined =
      policy.allToolsLimits.length === 0
        ? Object.freeze({ outcome: "allow", rule: RULE_LABELS.defaultAllow })
        : undefined;
    return { ...base, visible: true, fixed };
  }
  if (rule.action === "deny") {
    return {
      ...base,
      visible: false,
      fixed: deny(rule.pointer, rule.message ?? `Tool '${name}' is denied by this policy.`),
    };
  }
  const unconditional = rule.denyIf.length === 0 && rule.require.length === 0;
  const fixed: Decision | undefined =
    unconditional && rule.action === "allow" && rule.limits.length === 0
      ? Object.freeze({ outcome: "allow", rule: rule.pointer })
      : undefined;
  return { ...base, visible: true, fixed };
}

function deny(rule: string, reason: string): Decision {
  return Object.freeze({ outcome: "deny", rule, reason });
}
