import { escapePointerToken } from "./json-pointer";

/** One difference between two policy documents; `before`/`after` are undefined when absent. */
export type PolicyChange = { path: string; before: unknown; after: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function collect(before: unknown, after: unknown, path: string, out: PolicyChange[]): void {
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    for (const key of keys) {
      const child = `${path}/${escapePointerToken(key)}`;
      collect(before[key], after[key], child, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let index = 0; index < length; index++)
      collect(before[index], after[index], `${path}/${index}`, out);
    return;
  }
  // Different shapes, or scalars: one change for the whole value (Object.is keeps NaN/-0 honest).
  if (!Object.is(before, after)) out.push({ path, before, after });
}

/**
 * The field-level differences from policy `a` to policy `b` as JSON pointers, in document
 * order (keys of `a`, then keys only `b` has). Lists are compared position by position.
 */
export function diffPolicyDocuments(a: unknown, b: unknown): PolicyChange[] {
  const changes: PolicyChange[] = [];
  collect(a, b, "", changes);
  return changes;
}
