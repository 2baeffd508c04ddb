import type { z } from "zod";
import { canonicalToolName } from "../canonical-name";
import { canonicalResourceUri } from "../canonical-uri";
import { hideTarget, PROMPT_COUNTER_PREFIX, RESOURCE_COUNTER_PREFIX } from "../hide-target";
import { toJsonPointer } from "../json-pointer";
import type { PolicyAccessRule, PolicyCondition, PolicyLimit, policyObjectSchema } from "./policy-schema";
import { durationToSeconds, MAX_SECONDS, parseRateLimit, windowToSeconds } from "./units";

type PolicyShape = z.infer<typeof policyObjectSchema>;
type Path = (string | number)[];
type CounterUse = { windowSeconds: number; max: number; scope: string; path: Path };

const MAX_REGEX_LENGTH = 1000;

/** Cross-field rules zod's shape cannot express; each problem is reported at its own path. */
export function checkPolicy(policy: PolicyShape, ctx: z.RefinementCtx): void {
  const report = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });
  const counters = new Map<string, CounterUse>();
  const useCounter = (counter: string, use: CounterUse) => {
    const first = counters.get(counter);
    if (!first) {
      counters.set(counter, use);
      return;
    }
    const where = toJsonPointer(first.path);
    if (first.windowSeconds !== use.windowSeconds) {
      report(
        [...use.path, "window"],
        `counter "${counter}" is already used at ${where} with a ${first.windowSeconds}s window; limits sharing a counter share one budget, so their window must match`,
      );
    } else if (first.max !== use.max) {
      report(
        [...use.path, "max"],
        `counter "${counter}" is already used at ${where} with max ${first.max}; limits sharing a counter share one budget, so their max must match`,
      );
    } else if (first.scope !== use.scope) {
      report(
        [...use.path, "scope"],
        `counter "${counter}" is already used at ${where} with scope "${first.scope}"; limits sharing a counter share one budget, so their scope must match`,
      );
    }
  };
  const checkLimits = (limits: PolicyLimit[] | undefined, base: Path) => {
    limits?.forEach((limit, index) => {
      const path = [...base, index];
      useCounter(limit.counter, {
        windowSeconds: windowToSeconds(limit.window),
        max: limit.max,
        scope: limit.scope,
        path,
      });
    });
  };

  checkLimits(policy.all_tools?.limits, ["all_tools", "limits"]);
  policy.hide?.forEach((entry, index) => {
    const target = hideTarget(entry);
    if (entry !== "" && target.canonical === "") {
      report(
        ["hide", index],
        `hide entry has no ${target.kind === "tool" ? "visible characters" : `${target.kind} after "${target.kind}:"`}`,
      );
    }
  });

  const checkRule = (key: string, rule: PolicyAccessRule, base: Path, counterPrefix: string) => {
    if (rule.on_deny !== undefined && rule.reason !== undefined) {
      report([...base, "reason"], "use either on_deny or its alias reason, not both");
    }
    if (rule.approval !== undefined && rule.action !== "require_approval") {
      report([...base, "approval"], 'approval only applies to rules with action "require_approval"');
    }
    const timeout = rule.approval?.timeout;
    if (timeout !== undefined) {
      const seconds = durationToSeconds(timeout);
      if (seconds === undefined || seconds > MAX_SECONDS) {
        report(
          [...base, "approval", "timeout"],
          `timeout must be a duration such as "30s", "10m", "1h" or "2d" (at most 31 days), got "${timeout}"`,
        );
      }
    }
    checkLimits(rule.limits, [...base, "limits"]);
    if (rule.rate_limit !== undefined) {
      const parsed = parseRateLimit(rule.rate_limit);
      if (!parsed || parsed.windowSeconds > MAX_SECONDS) {
        report(
          [...base, "rate_limit"],
          `rate_limit must look like "30/minute": a whole number of calls, "/", then second, minute, hour, day or a number of seconds; got "${rule.rate_limit}"`,
        );
      } else {
        useCounter(`${counterPrefix}${key}:rate`, {
          ...parsed,
          scope: "grant",
          path: [...base, "rate_limit"],
        });
      }
    }
  };
  const checkKeys = (
    section: "tools" | "resources" | "prompts",
    canonicalize: (key: string) => string,
    what: string,
  ) => {
    const seenKeys = new Map<string, string>();
    for (const key of Object.keys(policy[section] ?? {})) {
      const base: Path = [section, key];
      const canonical = canonicalize(key);
      if (canonical === "") {
        report(base, `${what} has no visible characters`);
        continue;
      }
      const other = seenKeys.get(canonical);
      if (other === undefined) {
        seenKeys.set(canonical, key);
        continue;
      }
      const alike =
        section === "resources"
          ? "URIs match once normalised: percent-encoding, case of scheme and host, dot segments"
          : "names match ignoring case, whitespace and Unicode width";
      report(base, `"${key}" names the same ${section} as "${other}" (${alike}); merge the two rules`);
    }
  };

  checkKeys("tools", canonicalToolName, "tool name");
  checkKeys("resources", canonicalResourceUri, "resource URI");
  checkKeys("prompts", canonicalToolName, "prompt name");
  for (const [key, rule] of Object.entries(policy.tools ?? {})) {
    const base: Path = ["tools", key];
    checkRule(key, rule, base, "");
    for (const [index, condition] of (rule.require ?? []).entries()) {
      checkCondition(condition, [...base, "require", index], report);
    }
    for (const [index, condition] of (rule.deny_if ?? []).entries()) {
      checkCondition(condition, [...base, "deny_if", index], report);
    }
  }
  for (const [key, rule] of Object.entries(policy.resources ?? {})) {
    checkRule(key, rule, ["resources", key], RESOURCE_COUNTER_PREFIX);
  }
  for (const [key, rule] of Object.entries(policy.prompts ?? {})) {
    checkRule(key, rule, ["prompts", key], PROMPT_COUNTER_PREFIX);
  }
}

function checkCondition(
  condition: PolicyCondition,
  path: Path,
  report: (path: Path, message: string) => void,
) {
  const { op, value } = condition;
  const at = [...path, "value"];
  switch (op) {
    case "eq":
    case "neq":
      if (value === undefined || Array.isArray(value)) {
        report(at, `op "${op}" needs a single value (string, number, boolean or null)`);
      }
      return;
    case "in":
    case "not_in":
      if (!Array.isArray(value)) report(at, `op "${op}" needs a list of values, e.g. ["delete", "reset"]`);
      return;
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      if (typeof value !== "number") report(at, `op "${op}" needs a number`);
      return;
    case "contains":
      if (value === undefined || value === null || Array.isArray(value)) {
        report(at, `op "contains" needs a string (substring) or a single list element to look for`);
      }
      return;
    case "exists":
      if (value !== undefined && typeof value !== "boolean") {
        report(at, 'op "exists" takes true (the default) or false');
      }
      return;
    case "regex":
      checkRegex(value, at, report);
      return;
  }
}

function checkRegex(value: unknown, at: Path, report: (path: Path, message: string) => void) {
  if (typeof value !== "string") {
    report(at, 'op "regex" needs a regular expression as a string');
    return;
  }
  if (value.length > MAX_REGEX_LENGTH) {
    report(at, `regular expression is longer than ${MAX_REGEX_LENGTH} characters`);
    return;
  }
  try {
    new RegExp(value, "u");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    report(at, `invalid regular expression: ${detail}`);
  }
}
