/** Escapes one reference token of a JSON pointer (RFC 6901): "~" → "~0", "/" → "~1". */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a JSON pointer from path segments; [] is the root "". */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  let pointer = "";
  for (const segment of path) {
    pointer += `/${escapePointerToken(typeof segment === "symbol" ? (segment.description ?? "") : String(segment))}`;
  }
  return pointer;
}
