import type { ConditionOp, PolicyCondition } from "@toolgate/policy-core";
import type { ArgumentType } from "./argument-fields";

type Scalar = string | number | boolean | null;

function scalarFor(text: string, type: ArgumentType): Scalar {
  const trimmed = text.trim();
  if (type === "number" || type === "integer") {
    const number = Number(trimmed);
    return trimmed !== "" && Number.isFinite(number) ? number : trimmed;
  }
  if (type === "boolean") return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
  if (trimmed === "null" && type === "unknown") return null;
  return text;
}

/**
 * The condition value a form field means, typed by the argument's schema type: numbers for
 * numeric arguments, comma-separated lists for `in`/`not_in`, a boolean for `exists`.
 */
export function parseConditionValue(
  text: string,
  type: ArgumentType,
  op: ConditionOp,
): PolicyCondition["value"] {
  if (op === "exists") return text.trim() !== "false";
  if (op === "in" || op === "not_in") {
    return text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => scalarFor(part, type));
  }
  if (op === "lt" || op === "lte" || op === "gt" || op === "gte") return scalarFor(text, "number");
  if (op === "regex" || op === "contains") return text;
  return scalarFor(text, type);
}

/** The text a form field shows for a condition value. */
export function formatConditionValue(value: PolicyCondition["value"]): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.map((item) => String(item)).join(", ");
  return String(value);
}
