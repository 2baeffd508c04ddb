import { describe, expect, it } from "vitest";
import { jsonDiff } from "./json-diff";

describe("jsonDiff", () => {
  it.each([
    ["equal documents", { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, []],
    [
      "a changed leaf",
      { default: "deny" },
      { default: "allow" },
      [{ path: "/default", before: "deny", after: "allow" }],
    ],
    ["an added key", { tools: {} }, { tools: { X: {} } }, [{ path: "/tools/X", after: {} }]],
    ["a removed key", { hide: ["a"] }, {}, [{ path: "/hide", before: ["a"] }]],
    ["a grown array", { hide: ["a"] }, { hide: ["a", "b"] }, [{ path: "/hide/1", after: "b" }]],
    ["a shrunk array", { hide: ["a", "b"] }, { hide: ["a"] }, [{ path: "/hide/1", before: "b" }]],
    [
      "escaped pointer tokens",
      { tools: { "a/b~c": 1 } },
      { tools: { "a/b~c": 2 } },
      [{ path: "/tools/a~1b~0c", before: 1, after: 2 }],
    ],
    ["a type change", { x: [1] }, { x: { 0: 1 } }, [{ path: "/x", before: [1], after: { 0: 1 } }]],
    ["a changed root", 1, 2, [{ path: "", before: 1, after: 2 }]],
  ])("%s", (_name, before, after, expected) => {
    expect(jsonDiff(before, after)).toEqual(expected);
  });
});
