import type { CallLogRecord } from "@toolgate/db";

/** Limits of what one call-log record keeps; beyond them values are cut and say so. */
export const LOG_LIMITS = {
  /** Nesting levels of logged argument values. */
  maxDepth: 32,
  /** Characters of one string (tool name, message, argument value). */
  maxStringChars: 4_096,
  /** Characters of the logged arguments as JSON. */
  maxArgumentsChars: 64 * 1024,
  /** Keys or items of one object or array. */
  maxEntries: 1_000,
};

const TRUNCATED = "…[truncated]";
// NUL, and UTF-16 surrogates without their pair: Postgres text and jsonb refuse both.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what Postgres refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes a record storable by Postgres whatever a client sent: NUL characters and lone surrogates become
 * U+FFFD, over-long strings, over-deep or over-large argument values are cut with a marker. Pure; never throws.
 */
export function sanitizeCallLogRecord(record: CallLogRecord): CallLogRecord {
  return {
    ...record,
    grantLabel: text(record.grantLabel),
    sessionId: nullableText(record.sessionId),
    method: text(record.method),
    tool: nullableText(record.tool),
    rule: nullableText(record.rule),
    message: nullableText(record.message),
    argumentKeys: record.argumentKeys.slice(0, LOG_LIMITS.maxEntries).map(text),
    arguments: record.arguments === null ? null : boundedArguments(record.arguments),
  };
}

function nullableText(value: string | null): string | null {
  return value === null ? null : text(value);
}

/** Well-formed UTF-16 without NUL (which Postgres text and jsonb refuse), at most maxStringChars. */
function text(value: string): string {
  const clean = value.replace(UNSTORABLE, "\uFFFD");
  return clean.length <= LOG_LIMITS.maxStringChars
    ? clean
    : `${clean.slice(0, LOG_LIMITS.maxStringChars)}${TRUNCATED}`;
}

function boundedArguments(value: unknown): unknown {
  const cleaned = clean(value, 0);
  const json = JSON.stringify(cleaned);
  if (json === undefined || json.length <= LOG_LIMITS.maxArgumentsChars) return cleaned;
  return {
    [TRUNCATED]: `arguments were ${json.length} characters as JSON, over the ${LOG_LIMITS.maxArgumentsChars} logged`,
  };
}

// Depth-bounded, so a hostile nesting cannot overflow the stack here or in JSON.stringify later.
function clean(value: unknown, depth: number): unknown {
  if (typeof value === "string") return text(value);
  if (value === null || typeof value !== "object") {
    return typeof value === "number" || typeof value === "boolean" ? value : null;
  }
  if (depth >= LOG_LIMITS.maxDepth) return `${TRUNCATED} nested deeper than ${LOG_LIMITS.maxDepth} levels`;
  if (Array.isArray(value)) {
    const items = value.slice(0, LOG_LIMITS.maxEntries).map((item) => clean(item, depth + 1));
    if (value.length > LOG_LIMITS.maxEntries)
      items.push(`${TRUNCATED} ${value.length - LOG_LIMITS.maxEntries} more items`);
    return items;
  }
  const entries = Object.entries(value);
  const kept = entries
    .slice(0, LOG_LIMITS.maxEntries)
    .map(([key, item]) => [text(key), clean(item, depth + 1)]);
  if (entries.length > LOG_LIMITS.maxEntries)
    kept.push([TRUNCATED, `${entries.length - LOG_LIMITS.maxEntries} more keys`]);
  return Object.fromEntries(kept);
}
