/** One difference between two JSON documents; a missing side means the value was added or removed. */
export type JsonChange = { path: string; before?: unknown; after?: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function pointerToken(key: string | number): string {
  return String(key).replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * The differences between two JSON values, as JSON pointers with the value on each side.
 * Objects are compared key by key and arrays index by index; anything else as a whole.
 */
export function jsonDiff(before: unknown, after: unknown, path = ""): JsonChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const childPath = `${path}/${pointerToken(key)}`;
      if (!(key in after)) return [{ path: childPath, before: before[key] }];
      if (!(key in before)) return [{ path: childPath, after: after[key] }];
      return jsonDiff(before[key], after[key], childPath);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => {
      const childPath = `${path}/${index}`;
      if (index >= after.length) return [{ path: childPath, before: before[index] }];
      if (index >= before.length) return [{ path: childPath, after: after[index] }];
      return jsonDiff(before[index], after[index], childPath);
    }).flat();
  }
  return Object.is(before, after) ? [] : [{ path, before, after }];
}
