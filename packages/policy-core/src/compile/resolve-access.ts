import { type Decision, RULE_LABELS } from "../decision";
import type { AccessResolution, AccessRule, AccessRules } from "./compiled-policy";

// Names come from agents; the cache must not grow without bound.
const MAX_CACHED_NAMES = 10_000;

/** How a resource URI or prompt name resolves under the policy, cached per name as requested. */
export function resolveAccess(
  rules: AccessRules,
  defaultAction: "allow" | "deny",
  name: string,
): AccessResolution {
  const cached = rules.cache.get(name);
  if (cached) return cached;
  const resolution = computeResolution(rules, defaultAction, name);
  if (rules.cache.size >= MAX_CACHED_NAMES) rules.cache.clear();
  rules.cache.set(name, resolution);
  return resolution;
}

/** The rule for a canonical resource URI or prompt name: exact key first, then the most specific glob. */
export function findAccessRule(rules: AccessRules, canonical: string): AccessRule | undefined {
  const exact = rules.exact.get(canonical);
  if (exact) return exact;
  return rules.globs.find((rule) => rule.glob?.matches(canonical));
}

function isHidden(rules: AccessRules, canonical: string): boolean {
  return rules.hideExact.has(canonical) || rules.hideGlobs.some((glob) => glob.matches(canonical));
}

function computeResolution(
  rules: AccessRules,
  defaultAction: "allow" | "deny",
  name: string,
): AccessResolution {
  const canonical = rules.canonicalize(name);
  const hidden = isHidden(rules, canonical);
  const rule = findAccessRule(rules, canonical);
  const what = rules.kind === "resource" ? `Resource '${name}'` : `Prompt '${name}'`;
  if (hidden) {
    return {
      canonical,
      hidden,
      rule,
      visible: false,
      fixed: deny(RULE_LABELS.hidden, `${what} is not available to this agent.`),
    };
  }
  if (!rule) {
    const allowed = defaultAction === "allow";
    return {
      canonical,
      hidden,
      rule,
      visible: allowed,
      fixed: allowed
        ? Object.freeze({ outcome: "allow", rule: RULE_LABELS.defaultAllow })
        : deny(RULE_LABELS.defaultDeny, `${what} is not allowed by this policy.`),
    };
  }
  if (rule.action === "deny") {
    return {
      canonical,
      hidden,
      rule,
      visible: false,
      fixed: deny(rule.pointer, rule.message ?? `${what} is denied by this policy.`),
    };
  }
  const fixed: Decision | undefined =
    rule.action === "allow" && rule.limits.length === 0
      ? Object.freeze({ outcome: "allow", rule: rule.pointer })
      : undefined;
  return { canonical, hidden, rule, visible: true, fixed };
}

function deny(rule: string, reason: string): Decision {
  return Object.freeze({ outcome: "deny", rule, reason });
}
