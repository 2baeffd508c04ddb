/** A compiled tool-name glob: `*` matches any run of characters, nothing else is special. */
export type Glob = {
  readonly pattern: string;
  /** Literal characters in the pattern; more means more specific. */
  readonly literalLength: number;
  readonly matches: (name: string) => boolean;
};

/** True when the pattern contains a `*` wildcard. */
export function isGlob(pattern: string): boolean {
  return pattern.includes("*");
}

/** Compiles a glob (already canonical) into a matcher without regular expressions. */
export function compileGlob(pattern: string): Glob {
  const parts = pattern.split("*");
  const first = parts[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? "") : "";
  const middle = parts.slice(1, -1).filter((part) => part !== "");
  const literalLength = parts.reduce((sum, part) => sum + part.length, 0);
  const minLength = literalLength;
  if (parts.length === 1) return { pattern, literalLength, matches: (name) => name === pattern };
  const matches = (name: string): boolean => {
    if (name.length < minLength || !name.startsWith(first) || !name.endsWith(last)) return false;
    let from = first.length;
    const end = name.length - last.length;
    for (const part of middle) {
      const at = name.indexOf(part, from);
      if (at < 0 || at + part.length > end) return false;
      from = at + part.length;
    }
    return true;
  };
  return { pattern, literalLength, matches };
}

/** Orders globs most specific first: longer literal text, then fewer wildcards, then by text. */
export function compareGlobSpecificity(a: Glob, b: Glob): number {
  if (a.literalLength !== b.literalLength) return b.literalLength - a.literalLength;
  const starsA = a.pattern.split("*").length;
  const starsB = b.pattern.split("*").length;
  if (starsA !== starsB) return starsA - starsB;
  return a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0;
}
