import { createHash } from "node:crypto";

/** Longest tool or prompt name many clients accept (a common limit of model APIs). */
export const MAX_NAME_LENGTH = 64;
/** Between a server's prefix and the upstream's own name on the tenant URL: `<prefix>__<tool>`. */
export const DEFAULT_SEPARATOR = "__";
const HASH_LENGTH = 8;

/**
 * The name a tool or prompt of a server gets on the tenant URL: `<prefix><separator><name>`.
 * Past 64 characters it is cut and ends with `-<8 hex of sha256>` of the full name, so the same
 * input always gives the same name and two different long names do not collide. The gateway
 * exposes these names and the dashboard shows them, so both use this one function.
 */
export function prefixedName(prefix: string, name: string, separator = DEFAULT_SEPARATOR): string {
  const full = `${prefix}${separator}${name}`;
  if (full.length <= MAX_NAME_LENGTH) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, HASH_LENGTH);
  return `${full.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}

/** Whether `prefixedName` had to shorten the name (so a client cannot guess it from the original). */
export function isShortenedName(prefix: string, name: string, separator = DEFAULT_SEPARATOR): boolean {
  return prefix.length + separator.length + name.length > MAX_NAME_LENGTH;
}
