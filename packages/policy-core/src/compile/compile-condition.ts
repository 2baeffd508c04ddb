import type { ConditionOp, PolicyCondition } from "../schema/policy-schema";

/** Outcome of testing a present value: it holds, it does not, or the value has the wrong type. */
const Verdict = { No: 0, Yes: 1, WrongType: 2 } as const;
type Verdict = (typeof Verdict)[keyof typeof Verdict];

export type ConditionKind = "require" | "deny_if";

export type CompiledCondition = {
  readonly pointer: string;
  readonly path: string;
  readonly segments: readonly string[];
  readonly op: ConditionOp;
  readonly value: PolicyCondition["value"];
  /** Whether the condition holds for this call (for require: passes; for deny_if: denies). */
  readonly holds: (args: Record<string, unknown>) => boolean;
};

// Strings longer than this are not fed to a policy regex (bounds the cost of a bad pattern);
// such a value counts as the wrong type, so require fails and deny_if denies.
export const MAX_REGEX_INPUT = 10_000;

/** Reads a dotted path below `args`, own properties only (never the prototype chain). */
export function readArg(args: Record<string, unknown>, segments: readonly string[]): unknown {
  let current: unknown = args;
  for (const segment of segments) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Compiles one condition once (regexes included) into a predicate for require or deny_if. */
export function compileCondition(
  condition: PolicyCondition,
  pointer: string,
  kind: ConditionKind,
): CompiledCondition {
  const segments = condition.path.split(".").slice(1);
  const { op, value } = condition;
  const test = compileTest(op, value);
  let holds: (args: Record<string, unknown>) => boolean;
  if (op === "exists") {
    const expected = value !== false;
    holds = (args) => {
      const found = readArg(args, segments);
      return (found !== undefined && found !== null) === expected;
    };
  } else if (kind === "require") {
    // A require on a missing argument fails, whatever the operator.
    holds = (args) => {
      const found = readArg(args, segments);
      return found !== undefined && test(found) === Verdict.Yes;
    };
  } else {
    // deny_if: a missing argument equals nothing (so neq / not_in deny), and a present value
    // of the wrong type denies, so an agent cannot dodge a check by changing a value's type.
    const missingHolds = op === "neq" || op === "not_in";
    holds = (args) => {
      const found = readArg(args, segments);
      if (found === undefined) return missingHolds;
      return test(found) !== Verdict.No;
    };
  }
  return { pointer, path: condition.path, segments, op, value, holds };
}

function compileTest(op: ConditionOp, value: PolicyCondition["value"]): (found: unknown) => Verdict {
  switch (op) {
    case "eq":
      return (found) => (found === value ? Verdict.Yes : Verdict.No);
    case "neq":
      return (found) => (found === value ? Verdict.No : Verdict.Yes);
    case "in": {
      const options = new Set<unknown>(Array.isArray(value) ? value : []);
      return (found) => (options.has(found) ? Verdict.Yes : Verdict.No);
    }
    case "not_in": {
      const options = new Set<unknown>(Array.isArray(value) ? value : []);
      return (found) => (options.has(found) ? Verdict.No : Verdict.Yes);
    }
    case "lt":
      return compare(value, (a, b) => a < b);
    case "lte":
      return compare(value, (a, b) => a <= b);
    case "gt":
      return compare(value, (a, b) => a > b);
    case "gte":
      return compare(value, (a, b) => a >= b);
    case "regex": {
      const pattern = new RegExp(typeof value === "string" ? value : "", "u");
      return (found) => {
        if (typeof found !== "string" || found.length > MAX_REGEX_INPUT) return Verdict.WrongType;
        return pattern.test(found) ? Verdict.Yes : Verdict.No;
      };
    }
    case "contains":
      return (found) => {
        if (typeof found === "string") {
          return typeof value === "string" && found.includes(value) ? Verdict.Yes : Verdict.No;
        }
        if (Array.isArray(found)) return found.includes(value) ? Verdict.Yes : Verdict.No;
        return Verdict.WrongType;
      };
    case "exists":
      return () => Verdict.Yes;
  }
}

function compare(value: PolicyCondition["value"], ordered: (a: number, b: number) => boolean) {
  const bound = typeof value === "number" ? value : Number.NaN;
  return (found: unknown): Verdict => {
    if (typeof found !== "number" || Number.isNaN(found)) return Verdict.WrongType;
    return ordered(found, bound) ? Verdict.Yes : Verdict.No;
  };
}
