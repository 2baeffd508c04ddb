import { canonicalToolName } from "./canonical-name";
import { compilePolicy } from "./compile/compile-policy";
import type { CompiledLimit, CompiledPolicy, CompiledRule } from "./compile/compiled-policy";
import { findRule, isHidden } from "./compile/resolve-tool";
import { compileGlob, isGlob } from "./glob";
import { hideTarget } from "./hide-target";
import type { Policy } from "./schema/policy-schema";

/** A warning about a valid policy: something that can never take effect or looks unintended. */
export type LintWarning = { path: string; message: string; code: string };

// Scopes from narrowest to broadest: a session belongs to a grant, a grant to a server, a server to a tenant.
const SCOPE_BREADTH = { session: 0, grant: 1, server: 2, tenant: 3 } as const;

/**
 * Warns about rules that can never fire (hidden, shadowed, denied outright), limits that can
 * never be reached, and — given the server's catalogue — names and globs that match no tool.
 */
export function lintPolicy(policy: Policy, catalogue?: { name: string }[]): LintWarning[] {
  const compiled = compilePolicy(policy);
  const warnings: LintWarning[] = [];
  const rules = [...compiled.exact.values(), ...compiled.globs];
  for (const rule of rules) {
    lintRuleBody(policy, rule, warnings);
    if (ruleIsHidden(compiled, rule)) {
      warnings.push({
        path: rule.pointer,
        code: "hidden_rule",
        message: `"${rule.key}" is hidden by the hide list, so this rule never applies.`,
      });
    }
  }
  lintUnreachableLimits(compiled, rules, warnings);
  if (catalogue) lintAgainstCatalogue(compiled, rules, catalogue, warnings);
  return warnings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function ruleIsHidden(policy: CompiledPolicy, rule: CompiledRule): boolean {
  // A hide glob that matches a rule glob's text covers every name that glob can match.
  return isHidden(policy, rule.canonical);
}

function lintRuleBody(policy: Policy, rule: CompiledRule, warnings: LintWarning[]): void {
  if (rule.action !== "deny") return;
  const source = policy.tools?.[rule.key];
  if (!source) return;
  const unused: [string, boolean][] = [
    ["limits", (source.limits?.length ?? 0) > 0],
    ["rate_limit", source.rate_limit !== undefined],
  ];
  for (const [field, present] of unused) {
    if (present) {
      warnings.push({
        path: `${rule.pointer}/${field}`,
        code: "unreachable_limit",
        message: `"${rule.key}" is always denied, so its ${field} can never be reached.`,
      });
    }
  }
  for (const field of ["require", "deny_if"] as const) {
    if ((source[field]?.length ?? 0) > 0) {
      warnings.push({
        path: `${rule.pointer}/${field}`,
        code: "unreachable_condition",
        message: `"${rule.key}" is always denied, so its ${field} conditions are never checked.`,
      });
    }
  }
}

/** A limit is never reached when another limit on the same calls, as broad and as long, is lower. */
function lintUnreachableLimits(policy: CompiledPolicy, rules: CompiledRule[], warnings: LintWarning[]): void {
  const reported = new Set<string>();
  const sets: (readonly CompiledLimit[])[] = rules
    .filter((rule) => rule.action !== "deny")
    .map((rule) => rule.limits);
  if (policy.defaultAction === "allow") sets.push(policy.allToolsLimits);
  for (const limits of sets) {
    for (const limit of limits) {
      const tighter = limits.find((other) => other !== limit && caps(other, limit));
      if (tighter && !reported.has(limit.rule)) {
        reported.add(limit.rule);
        warnings.push({
          path: limit.rule,
          code: "unreachable_limit",
          message: `max ${limit.max} can never be reached: ${tighter.rule} allows only ${tighter.max} per ${tighter.windowSeconds}s per ${tighter.scope} on the same calls.`,
        });
      }
    }
  }
  const anyRuleAllows = rules.some((rule) => rule.action !== "deny");
  if (policy.defaultAction === "deny" && !anyRuleAllows) {
    for (const limit of policy.allToolsLimits) {
      warnings.push({
        path: limit.rule,
        code: "unreachable_limit",
        message:
          "every call is denied (default deny and no rule allows a tool), so this limit is never reached.",
      });
    }
  }
}

/** Whether `cap` alone keeps `limit` from ever filling (fixed windows nest when lengths divide). */
function caps(cap: CompiledLimit, limit: CompiledLimit): boolean {
  return (
    cap.max < limit.max &&
    SCOPE_BREADTH[cap.scope] >= SCOPE_BREADTH[limit.scope] &&
    cap.windowSeconds >= limit.windowSeconds &&
    cap.windowSeconds % limit.windowSeconds === 0
  );
}

function lintAgainstCatalogue(
  policy: CompiledPolicy,
  rules: CompiledRule[],
  catalogue: { name: string }[],
  warnings: LintWarning[],
): void {
  const names = catalogue.map((tool) => canonicalToolName(tool.name));
  const governing = new Map<CompiledRule, number>();
  for (const name of names) {
    if (isHidden(policy, name)) continue;
    const rule = findRule(policy, name);
    if (rule) governing.set(rule, (governing.get(rule) ?? 0) + 1);
  }
  for (const rule of rules) {
    const matched = names.filter((name) => (rule.glob ? rule.glob.matches(name) : name === rule.canonical));
    if (matched.length === 0) {
      warnings.push({
        path: rule.pointer,
        code: rule.glob ? "glob_matches_nothing" : "unknown_tool",
        message: rule.glob
          ? `the glob "${rule.key}" matches no tool of this server.`
          : `this server has no tool named "${rule.key}".`,
      });
    } else if (!governing.has(rule) && !ruleIsHidden(policy, rule)) {
      const allHidden = matched.every((name) => isHidden(policy, name));
      warnings.push({
        path: rule.pointer,
        code: allHidden ? "hidden_rule" : "shadowed_rule",
        message: allHidden
          ? `every tool "${rule.key}" matches is hidden, so this rule never applies.`
          : `every tool "${rule.key}" matches is governed by a more specific key, so this rule never applies.`,
      });
    }
  }
  for (const [index, entry] of (policy.source.hide ?? []).entries()) {
    // Resource and prompt entries are checked against no catalogue yet.
    if (hideTarget(entry).kind !== "tool") continue;
    const canonical = canonicalToolName(entry);
    const matcher = isGlob(canonical) ? compileGlob(canonical) : undefined;
    const hits = names.some((name) => (matcher ? matcher.matches(name) : name === canonical));
    if (!hits) {
      warnings.push({
        path: `/hide/${index}`,
        code: "hide_matches_nothing",
        message: `"${entry}" matches no tool of this server.`,
      });
    }
  }
}
