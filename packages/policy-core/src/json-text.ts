import { toJsonPointer } from "./json-pointer";

export type JsonTextProblem = { path: string; message: string };
export type JsonTextResult =
  | { ok: true; value: unknown; duplicates: JsonTextProblem[] }
  | { ok: false; problem: JsonTextProblem };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Parses JSON text, reporting syntax errors with line and column (Node's JSON.parse does
 * not) and duplicate object keys (JSON.parse silently keeps the last one).
 */
export function parseJsonText(text: string): JsonTextResult {
  const duplicates: JsonTextProblem[] = [];
  try {
    new Scanner(text, duplicates).document();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return {
      ok: false,
      problem: { path: "", message: `Invalid JSON at line ${line}, column ${column}: ${error.message}` },
    };
  }
  return { ok: true, value: JSON.parse(text), duplicates };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const MAX_DEPTH = 128;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Scanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly duplicates: JsonTextProblem[],
  ) {}

  document(): void {
    this.value([]);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail("unexpected text after the end of the document");
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }

  private describeHere(): string {
    return this.pos >= this.text.length ? "end of input" : JSON.stringify(this.text.charAt(this.pos));
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  private value(path: string[]): void {
    if (path.length > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    this.skipSpace();
    const c = this.text.charAt(this.pos);
    if (c === "{") {
      this.object(path);
      return;
    }
    if (c === "[") {
      this.array(path);
      return;
    }
    if (c === '"') {
      this.string();
      return;
    }
    for (const literal of ["true", "false", "null"]) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    if (NUMBER.test(this.text)) {
      this.pos = NUMBER.lastIndex;
      return;
    }
    this.fail(`expected a value but found ${this.describeHere()}`);
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail("unterminated string");
      const c = this.text.charCodeAt(this.pos);
      if (c === 34) break;
      if (c < 32) this.fail("control character in string (escape it, e.g. \\n)");
      if (c === 92) {
        const next = this.text.charAt(this.pos + 1);
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail("invalid \\u escape");
          this.pos += 6;
          continue;
        }
        if (next === "" || !'"\\/bfnrt'.includes(next)) this.fail("invalid escape in string");
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private object(path: string[]): void {
    this.pos++;
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text.charAt(this.pos) === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charAt(this.pos) !== '"')
        this.fail(`expected a quoted key but found ${this.describeHere()}`);
      const key = this.string();
      const keyPath = [...path, key];
      if (seen.has(key)) {
        this.duplicates.push({
          path: toJsonPointer(keyPath),
          message: `duplicate key "${key}": JSON keeps only the last one, so an earlier entry would be silently lost`,
        });
      }
      seen.add(key);
      this.skipSpace();
      if (this.text.charAt(this.pos) !== ":") this.fail(`expected ":" but found ${this.describeHere()}`);
      this.pos++;
      this.value(keyPath);
      this.skipSpace();
      const next = this.text.charAt(this.pos);
      this.pos++;
      if (next === "}") return;
      if (next !== ",") {
        this.pos--;
        this.fail(`expected "," or "}" but found ${this.describeHere()}`);
      }
    }
  }

  private array(path: string[]): void {
    this.pos++;
    this.skipSpace();
    if (this.text.charAt(this.pos) === "]") {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value([...path, String(index)]);
      this.skipSpace();
      const next = this.text.charAt(this.pos);
      this.pos++;
      if (next === "]") return;
      if (next !== ",") {
        this.pos--;
        this.fail(`expected "," or "]" but found ${this.describeHere()}`);
      }
    }
  }
}
