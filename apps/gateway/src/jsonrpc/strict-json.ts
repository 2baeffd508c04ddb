import { GatewayError } from "../errors/gateway-error";

/** Deepest nesting of arrays and objects a client message may have; MCP messages need a handful. */
export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Parses a client's JSON body so that no other parser could read it differently: the bytes must be
 * valid UTF-8, nesting at most MAX_JSON_DEPTH deep, and no object may repeat a key (JSON.parse keeps
 * the last one; other parsers keep the first). Anything ambiguous is refused with a clear error.
 */
export function parseStrictJson(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch (error) {
    throw new GatewayError("parse_error", "Parse error: the request body is not valid UTF-8.", {
      cause: error,
    });
  }
  const keys = scanStructure(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GatewayError("parse_error", "Parse error: the request body is not valid JSON.", {
      cause: error,
    });
  }
  // Every key of the text is a ':' outside strings; fewer keys in the parsed value means duplicates.
  if (countKeys(json) !== keys) {
    throw new GatewayError(
      "duplicate_key",
      "Invalid request: an object in the body repeats a key, so parsers could disagree on its value; send each key once.",
    );
  }
  return json;
}

/** One pass over the text outside strings: refuses deep nesting and counts the key separators. */
function scanStructure(text: string): number {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
      continue;
    }
    if (code === QUOTE) inString = true;
    else if (code === COLON) keys++;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        throw new GatewayError(
          "nesting_too_deep",
          `Invalid request: the body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
        );
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return keys;
}

function countKeys(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += countKeys(item);
    return count;
  }
  for (const key in value) {
    count += 1 + countKeys((value as Record<string, unknown>)[key]);
  }
  return count;
}
