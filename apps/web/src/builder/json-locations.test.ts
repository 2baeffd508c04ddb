import { describe, expect, it } from "vitest";
import { locateJsonPointers, spanForPointer } from "./json-locations";

const text = `{
  "version": "1",
  "tools": { "a/b": { "limits": [ { "max": 0 } ] }, "x~y": true }
}`;

describe("locateJsonPointers", () => {
  const spans = locateJsonPointers(text);
  const at = (pointer: string) => {
    const span = spanForPointer(spans, pointer);
    return span === undefined ? undefined : text.slice(span.from, span.to);
  };

  it("finds values by JSON pointer, with escaped keys", () => {
    expect(at("/version")).toBe('"1"');
    expect(at("/tools/a~1b/limits/0/max")).toBe("0");
    expect(at("/tools/x~0y")).toBe("true");
    expect(at("")).toBe(text);
  });

  it("falls back to the nearest existing parent for a missing field", () => {
    expect(at("/tools/a~1b/limits/0/counter")).toBe('{ "max": 0 }');
  });

  it("points at the key of a property", () => {
    const span = spans.get("/version");
    expect(span?.keyFrom === undefined ? "" : text.slice(span.keyFrom, span.keyFrom + 9)).toBe('"version"');
  });

  it("gives nothing for text that is not JSON", () => {
    expect(locateJsonPointers('{ "version": ').size).toBe(0);
  });
});
