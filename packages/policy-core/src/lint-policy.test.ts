import fixture from "../test/fixtures/virtualization-tools.json";
import { lintPolicy } from "./lint-policy";
import type { Policy } from "./schema/policy-schema";

const limit = { counter: "c", window: "minute" as const, max: 30, scope: "grant" as const };

describe("lintPolicy", () => {
  it("finds nothing wrong with the canonical policy on its own server", () => {
    expect(
      lintPolicy({ version: "1", default: "deny", tools: { MountIso: { limits: [limit] } } }, fixture.tools),
    ).toEqual([]);
  });

  it.each<[string, Policy, { name: string }[] | undefined, { path: string; code: string }[]]>([
    [
      "a rule for a hidden tool",
      { version: "1", default: "deny", hide: ["Delete*"], tools: { DeleteVm: {}, "DeleteSnap*": {} } },
      undefined,
      [
        { path: "/tools/DeleteSnap*", code: "hidden_rule" },
        { path: "/tools/DeleteVm", code: "hidden_rule" },
      ],
    ],
    [
      "limits and conditions on a denied tool",
      {
        version: "1",
        default: "deny",
        tools: {
          X: {
            action: "deny",
            limits: [limit],
            rate_limit: "1/second",
            require: [{ path: "args.a", op: "exists" }],
          },
        },
      },
      undefined,
      [
        { path: "/tools/X/limits", code: "unreachable_limit" },
        { path: "/tools/X/rate_limit", code: "unreachable_limit" },
        { path: "/tools/X/require", code: "unreachable_condition" },
      ],
    ],
    [
      "a limit capped by a lower one on the same calls",
      {
        version: "1",
        default: "deny",
        all_tools: { limits: [{ counter: "all", window: "hour", max: 10, scope: "server" }] },
        tools: { X: { limits: [{ ...limit, max: 100 }] } },
      },
      undefined,
      [{ path: "/tools/X/limits/0", code: "unreachable_limit" }],
    ],
    [
      "all_tools limits when nothing is ever allowed",
      { version: "1", default: "deny", all_tools: { limits: [limit] }, tools: { X: { action: "deny" } } },
      undefined,
      [{ path: "/all_tools/limits/0", code: "unreachable_limit" }],
    ],
    [
      "names and globs absent from the catalogue",
      { version: "1", default: "deny", hide: ["Nope*"], tools: { MountIsoo: {}, "Frob*": {} } },
      fixture.tools,
      [
        { path: "/hide/0", code: "hide_matches_nothing" },
        { path: "/tools/Frob*", code: "glob_matches_nothing" },
        { path: "/tools/MountIsoo", code: "unknown_tool" },
      ],
    ],
    [
      "resource and prompt hide entries, which no tool catalogue can match",
      {
        version: "1",
        default: "deny",
        hide: ["resource:file:///etc/*", "prompt:debug*"],
        tools: { MountIso: {} },
      },
      fixture.tools,
      [],
    ],
    [
      "a glob whose every tool has a more specific rule",
      { version: "1", default: "deny", tools: { "*Iso": { action: "deny" }, MountIso: {}, UnmountIso: {} } },
      fixture.tools,
      [{ path: "/tools/*Iso", code: "shadowed_rule" }],
    ],
  ])("warns about %s", (_, policy, catalogue, expected) => {
    expect(lintPolicy(policy, catalogue).map(({ path, code }) => ({ path, code }))).toEqual(expected);
  });

  it("explains each warning in words", () => {
    const [warning] = lintPolicy({ version: "1", default: "deny", tools: { MountIsoo: {} } }, fixture.tools);
    expect(warning).toEqual({
      path: "/tools/MountIsoo",
      code: "unknown_tool",
      message: 'this server has no tool named "MountIsoo".',
    });
  });
});
