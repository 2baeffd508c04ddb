import { escapePointerToken } from "@toolgate/policy-core";

/** Where one value sits in JSON text; `keyFrom` is the start of its property name, if any. */
export type JsonSpan = { from: number; to: number; keyFrom: number | undefined };

const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

class Locator {
  private pos = 0;
  readonly spans = new Map<string, JsonSpan>();

  constructor(private readonly text: string) {}

  private skip(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  private token(pattern: RegExp): string {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (match === null) throw new Error(`unexpected text at ${this.pos}`);
    this.pos = pattern.lastIndex;
    return match[0];
  }

  value(pointer: string, keyFrom: number | undefined): void {
    this.skip();
    const from = this.pos;
    const char = this.text[this.pos];
    if (char === "{") this.object(pointer);
    else if (char === "[") this.array(pointer);
    else if (char === '"') this.token(STRING);
    else this.token(LITERAL);
    this.spans.set(pointer, { from, to: this.pos, keyFrom });
  }

  private object(pointer: string): void {
    this.pos++;
    this.skip();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skip();
      const keyFrom = this.pos;
      const key = JSON.parse(this.token(STRING)) as string;
      this.skip();
      this.pos++; // ':'
      this.value(`${pointer}/${escapePointerToken(key)}`, keyFrom);
      this.skip();
      const next = this.text[this.pos++];
      if (next === "}") return;
    }
  }

  private array(pointer: string): void {
    this.pos++;
    this.skip();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(`${pointer}/${index}`, undefined);
      this.skip();
      const next = this.text[this.pos++];
      if (next === "]") return;
    }
  }
}

/**
 * The text span of every value in a JSON document, by JSON pointer, so issues and fired
 * rules can be pointed at in the editor. Text that is not valid JSON gives an empty map.
 */
export function locateJsonPointers(text: string): Map<string, JsonSpan> {
  const locator = new Locator(text);
  try {
    locator.value("", undefined);
  } catch {
    // Not JSON (the user is mid-edit): nothing to point at; the syntax error is reported elsewhere.
    return new Map();
  }
  return locator.spans;
}

/** The span for a pointer, or for its nearest ancestor that exists (an unknown field's parent). */
export function spanForPointer(spans: Map<string, JsonSpan>, pointer: string): JsonSpan | undefined {
  let current = pointer;
  for (;;) {
    const span = spans.get(current);
    if (span !== undefined) return span;
    if (current === "") return undefined;
    current = current.slice(0, current.lastIndexOf("/"));
  }
}
