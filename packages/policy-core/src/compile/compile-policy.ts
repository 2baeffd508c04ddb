import { canonicalToolName } from "../canonical-name";
import { DEFAULT_APPROVAL_TIMEOUT_SECONDS, type Decision } from "../decision";
import { PolicyError } from "../errors";
import { compareGlobSpecificity, compileGlob, isGlob } from "../glob";
import { escapePointerToken } from "../json-pointer";
import type { Policy, PolicyCondition, PolicyLimit, PolicyRule } from "../schema/policy-schema";
import { durationToSeconds, parseRateLimit, windowToSeconds } from "../schema/units";
import { type ConditionKind, compileCondition } from "./compile-condition";
import type { CompiledLimit, CompiledPolicy, CompiledRule, GuardedCondition } from "./compiled-policy";
import { describeCondition } from "./describe-condition";

/** Compiles a validated policy: exact names in a map, globs ordered by specificity, regexes built once. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  try {
    return buildCompiledPolicy(policy);
  } catch (error) {
    throw new PolicyError(
      "invalid_policy",
      "The policy could not be compiled; validate it with parsePolicy first.",
      {
        cause: error,
      },
    );
  }
}

function buildCompiledPolicy(policy: Policy): CompiledPolicy {
  const allToolsLimits = (policy.all_tools?.limits ?? []).map((limit, index) =>
    compileLimit(limit, `/all_tools/limits/${index}`),
  );
  const exact = new Map<string, CompiledRule>();
  const globs: CompiledRule[] = [];
  for (const [key, rule] of Object.entries(policy.tools ?? {})) {
    const compiled = compileRule(key, rule, allToolsLimits);
    if (compiled.glob) globs.push(compiled);
    else exact.set(compiled.canonical, compiled);
  }
  globs.sort((a, b) => (a.glob && b.glob ? compareGlobSpecificity(a.glob, b.glob) : 0));

  const hideExact = new Set<string>();
  const hideGlobs = [];
  for (const entry of policy.hide ?? []) {
    const canonical = canonicalToolName(entry);
    if (isGlob(canonical)) hideGlobs.push(compileGlob(canonical));
    else hideExact.add(canonical);
  }
  return {
    source: policy,
    defaultAction: policy.default,
    exact,
    globs,
    hideExact,
    hideGlobs,
    allToolsLimits,
    cache: new Map(),
  };
}

function compileRule(key: string, rule: PolicyRule, allToolsLimits: readonly CompiledLimit[]): CompiledRule {
  const canonical = canonicalToolName(key);
  const pointer = `/tools/${escapePointerToken(key)}`;
  const message = rule.on_deny ?? rule.reason;
  const own = (rule.limits ?? []).map((limit, index) => compileLimit(limit, `${pointer}/limits/${index}`));
  if (rule.rate_limit !== undefined) {
    const parsed = parseRateLimit(rule.rate_limit);
    if (!parsed) throw new Error(`bad rate_limit at ${pointer}/rate_limit`);
    own.push(makeLimit(`${key}:rate`, "grant", parsed.windowSeconds, parsed.max, `${pointer}/rate_limit`));
  }
  const timeout = rule.approval?.timeout;
  const timeoutSeconds =
    timeout === undefined ? DEFAULT_APPROVAL_TIMEOUT_SECONDS : durationToSeconds(timeout);
  if (timeoutSeconds === undefined) throw new Error(`bad approval timeout at ${pointer}/approval/timeout`);
  return {
    key,
    canonical,
    pointer,
    glob: isGlob(canonical) ? compileGlob(canonical) : undefined,
    action: rule.action ?? "allow",
    message,
    denyIf: guard(rule.deny_if, `${pointer}/deny_if`, "deny_if", message),
    require: guard(rule.require, `${pointer}/require`, "require", message),
    limits: mergeLimits(own, allToolsLimits),
    timeoutSeconds,
    approvalBy: rule.approval?.by ?? "team",
  };
}

function guard(
  conditions: PolicyCondition[] | undefined,
  base: string,
  kind: ConditionKind,
  message: string | undefined,
): GuardedCondition[] {
  return (conditions ?? []).map((condition, index) => {
    const pointer = `${base}/${index}`;
    const reason =
      message ??
      (kind === "deny_if"
        ? `The call is denied because ${describeCondition(condition)}.`
        : `The call is denied: it requires that ${describeCondition(condition)}.`);
    const denial: Decision = Object.freeze({ outcome: "deny", rule: pointer, reason });
    return { condition: compileCondition(condition, pointer, kind), denial };
  });
}

/** The rule's limits first, then all_tools limits; a counter already present is not repeated. */
function mergeLimits(own: CompiledLimit[], allTools: readonly CompiledLimit[]): CompiledLimit[] {
  const merged: CompiledLimit[] = [];
  const seen = new Set<string>();
  for (const limit of [...own, ...allTools]) {
    if (seen.has(limit.counter)) continue;
    seen.add(limit.counter);
    merged.push(limit);
  }
  return merged;
}

function compileLimit(limit: PolicyLimit, rule: string): CompiledLimit {
  return makeLimit(limit.counter, limit.scope, windowToSeconds(limit.window), limit.max, rule);
}

function makeLimit(
  counter: string,
  scope: CompiledLimit["scope"],
  windowSeconds: number,
  max: number,
  rule: string,
): CompiledLimit {
  return {
    counter,
    scope,
    windowSeconds,
    max,
    rule,
    keyTail: `${encodeURIComponent(counter)}:${windowSeconds}`,
  };
}
