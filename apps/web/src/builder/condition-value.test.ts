import { describe, expect, it } from "vitest";
import { formatConditionValue, parseConditionValue } from "./condition-value";

describe("parseConditionValue", () => {
  it.each([
    ["30", "integer", "eq", 30],
    ["x", "integer", "eq", "x"],
    ["true", "boolean", "eq", true],
    ["delete, stop", "string", "in", ["delete", "stop"]],
    ["1, 2", "number", "not_in", [1, 2]],
    ["10", "string", "gt", 10],
    ["^/isos/", "string", "regex", "^/isos/"],
    ["false", "string", "exists", false],
    ["", "string", "exists", true],
  ] as const)("%j as %s with %s → %j", (text, type, op, expected) => {
    expect(parseConditionValue(text, type, op)).toEqual(expected);
  });

  it("formats values back to the text that parses to them", () => {
    expect(formatConditionValue(["delete", "stop"])).toBe("delete, stop");
    expect(parseConditionValue(formatConditionValue([1, 2]), "number", "in")).toEqual([1, 2]);
  });
});
