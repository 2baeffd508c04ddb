import { describe, expect, it } from "vitest";
import { mergeCapabilities, mergeInstructions, type ServerProfile } from "./merge-capabilities";

const profile = (
  serverSlug: string,
  capabilities?: ServerProfile["capabilities"],
  instructions?: string,
) => ({
  serverSlug,
  capabilities,
  instructions,
});

describe("mergeCapabilities", () => {
  it.each([
    ["no servers: tools only", [], { tools: {} }],
    ["an unknown server adds nothing", [profile("a")], { tools: {} }],
    [
      "flags are or-ed across servers",
      [
        profile("a", { tools: { listChanged: true }, resources: { subscribe: true } }),
        profile("b", { tools: {}, resources: { listChanged: true }, prompts: {} }),
      ],
      { tools: { listChanged: true }, resources: { subscribe: true, listChanged: true }, prompts: {} },
    ],
    [
      "completions and logging when any server has them",
      [profile("a", { tools: {} }), profile("b", { completions: {}, logging: {} })],
      { tools: {}, completions: {}, logging: {} },
    ],
    [
      "what the aggregate does not relay is left out",
      [profile("a", { tools: {}, experimental: { x: {} }, tasks: { list: {} } })],
      { tools: {} },
    ],
  ] as const)("%s", (_label, profiles, expected) => {
    expect(mergeCapabilities(profiles)).toEqual(expected);
  });
});

describe("mergeInstructions", () => {
  it("labels each server's instructions with its prefix and skips blank ones", () => {
    const merged = mergeInstructions(
      [profile("a", {}, "Use a."), profile("b", {}, "  "), profile("c", {}, "Use c.")],
      "__",
    );
    expect(merged).toBe("[a__*] Use a.\n\n[c__*] Use c.");
    expect(mergeInstructions([profile("a")], "__")).toBeUndefined();
  });
});
