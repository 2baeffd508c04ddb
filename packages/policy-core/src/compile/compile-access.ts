import { canonicalToolName } from "../canonical-name";
import { canonicalResourceUri } from "../canonical-uri";
import { DEFAULT_APPROVAL_TIMEOUT_SECONDS } from "../decision";
import { compareGlobSpecificity, compileGlob, type Glob, isGlob } from "../glob";
import { hideTarget, PROMPT_COUNTER_PREFIX, RESOURCE_COUNTER_PREFIX } from "../hide-target";
import { escapePointerToken } from "../json-pointer";
import type { Policy, PolicyAccessRule } from "../schema/policy-schema";
import { durationToSeconds, parseRateLimit } from "../schema/units";
import type { AccessRule, AccessRules, CompiledLimit } from "./compiled-policy";

type LimitFactory = {
  fromPolicy: (limit: NonNullable<PolicyAccessRule["limits"]>[number], rule: string) => CompiledLimit;
  make: (counter: string, scope: "grant", windowSeconds: number, max: number, rule: string) => CompiledLimit;
};

/** Compiles the `resources` or `prompts` section and its `hide` entries, like tools: exact keys, ordered globs. */
export function compileAccessRules(
  policy: Policy,
  kind: "resource" | "prompt",
  limits: LimitFactory,
): AccessRules {
  const section = kind === "resource" ? "resources" : "prompts";
  const canonicalize = kind === "resource" ? canonicalResourceUri : canonicalToolName;
  const counterPrefix = kind === "resource" ? RESOURCE_COUNTER_PREFIX : PROMPT_COUNTER_PREFIX;
  const exact = new Map<string, AccessRule>();
  const globs: AccessRule[] = [];
  for (const [key, rule] of Object.entries(policy[section] ?? {})) {
    const canonical = canonicalize(key);
    const pointer = `/${section}/${escapePointerToken(key)}`;
    const own = (rule.limits ?? []).map((limit, index) =>
      limits.fromPolicy(limit, `${pointer}/limits/${index}`),
    );
    if (rule.rate_limit !== undefined) {
      const parsed = parseRateLimit(rule.rate_limit);
      if (!parsed) throw new Error(`bad rate_limit at ${pointer}/rate_limit`);
      own.push(
        limits.make(
          `${counterPrefix}${key}:rate`,
          "grant",
          parsed.windowSeconds,
          parsed.max,
          `${pointer}/rate_limit`,
        ),
      );
    }
    const timeout = rule.approval?.timeout;
    const timeoutSeconds =
      timeout === undefined ? DEFAULT_APPROVAL_TIMEOUT_SECONDS : durationToSeconds(timeout);
    if (timeoutSeconds === undefined) throw new Error(`bad approval timeout at ${pointer}/approval/timeout`);
    const compiled: AccessRule = {
      key,
      canonical,
      pointer,
      glob: isGlob(canonical) ? compileGlob(canonical) : undefined,
      action: rule.action ?? "allow",
      message: rule.on_deny ?? rule.reason,
      limits: own,
      timeoutSeconds,
      approvalBy: rule.approval?.by ?? "team",
    };
    if (compiled.glob) globs.push(compiled);
    else exact.set(canonical, compiled);
  }
  globs.sort((a, b) => (a.glob && b.glob ? compareGlobSpecificity(a.glob, b.glob) : 0));
  const hideExact = new Set<string>();
  const hideGlobs: Glob[] = [];
  for (const entry of policy.hide ?? []) {
    const target = hideTarget(entry);
    if (target.kind !== kind) continue;
    if (isGlob(target.canonical)) hideGlobs.push(compileGlob(target.canonical));
    else hideExact.add(target.canonical);
  }
  return { kind, canonicalize, exact, globs, hideExact, hideGlobs, cache: new Map() };
}
