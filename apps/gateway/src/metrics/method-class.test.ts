import { describe, expect, it } from "vitest";
import { methodClass } from "./method-class";

describe("methodClass", () => {
  it.each([
    ["tools/call", "tools/call"],
    ["tools/list", "tools/list"],
    ["initialize", "initialize"],
    ["resources/read", "resources"],
    ["resources/templates/list", "resources"],
    ["prompts/get", "prompts"],
    ["completion/complete", "completion"],
    ["notifications/initialized", "notification"],
    ["(response)", "response"],
    ["(batch)", "batch"],
    ["ping", "ping"],
    ["GET", "stream"],
    ["DELETE", "delete"],
    // Anything a client invents collapses into one label, so it cannot grow the series count.
    ["x/evil-1234", "other"],
    ["", "other"],
  ])("%s → %s", (method, expected) => {
    expect(methodClass(method)).toBe(expected);
  });
});
