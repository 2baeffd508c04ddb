import type { PolicyCondition } from "../schema/policy-schema";

const OP_WORDS: Record<PolicyCondition["op"], string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  not_in: "is not one of",
  lt: "is less than",
  lte: "is at most",
  gt: "is greater than",
  gte: "is at least",
  regex: "matches",
  contains: "contains",
  exists: "is present",
};

/** Human wording of a condition: `args.action is one of ["delete", "reset"]`. */
export function describeCondition(condition: PolicyCondition): string {
  const { path, op, value } = condition;
  if (op === "exists") return value === false ? `${path} is absent` : `${path} is present`;
  if (op === "regex") return `${path} matches /${String(value)}/`;
  const shown = Array.isArray(value)
    ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]`
    : JSON.stringify(value);
  return `${path} ${OP_WORDS[op]} ${shown}`;
}
