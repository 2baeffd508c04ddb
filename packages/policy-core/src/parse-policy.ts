import type { z } from "zod";
import { toJsonPointer } from "./json-pointer";
import { parseJsonText } from "./json-text";
import { type Policy, policySchema } from "./schema/policy-schema";

/** One problem in a policy document; `path` is a JSON pointer ("" for the root). */
export type PolicyIssue = { path: string; message: string };
export type ParseResult = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

const KNOWN_FIELDS = [
  "$schema",
  "version",
  "default",
  "hide",
  "all_tools",
  "tools",
  "action",
  "on_deny",
  "reason",
  "limits",
  "rate_limit",
  "require",
  "deny_if",
  "approval",
  "timeout",
  "counter",
  "window",
  "max",
  "scope",
  "path",
  "op",
  "value",
];

/** Validates a JS value as a v1 policy; every problem comes back with its JSON pointer. */
export function parsePolicy(input: unknown): ParseResult {
  const result = policySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    issues: sortIssues(result.error.issues.flatMap((issue) => toPolicyIssues(issue, input))),
  };
}

/** Parses and validates policy JSON text; syntax errors give one issue at "" with line and column. */
export function parsePolicyJson(text: string): ParseResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.problem] };
  const result = parsePolicy(parsed.value);
  if (parsed.duplicates.length === 0) return result;
  const issues = result.ok ? [] : result.issues;
  return { ok: false, issues: sortIssues([...parsed.duplicates, ...issues]) };
}

function sortIssues(issues: PolicyIssue[]): PolicyIssue[] {
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function toPolicyIssues(issue: z.core.$ZodIssue, input: unknown): PolicyIssue[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: toJsonPointer([...path, key]),
      message: `unknown field "${key}"${suggestField(key)}`,
    }));
  }
  const pointer = toJsonPointer(path);
  const last = path.at(-1);
  // Optional fields never raise issues when absent, so an issue at an absent path means "required".
  if (issue.code !== "custom" && last !== undefined && valueAt(input, path) === undefined) {
    return [{ path: pointer, message: `"${String(last)}" is required` }];
  }
  if (issue.code === "invalid_type" && path.length === 0) {
    return [{ path: pointer, message: "a policy must be a JSON object" }];
  }
  return [{ path: pointer, message: issue.message }];
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function suggestField(key: string): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const field of KNOWN_FIELDS) {
    const distance = editDistance(key.toLowerCase(), field);
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best === undefined ? "" : `; did you mean "${best}"?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
