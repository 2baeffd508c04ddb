import canonicalPolicy from "../test/fixtures/canonical-policy.json";
import { diffPolicyDocuments } from "./diff";

describe("diffPolicyDocuments", () => {
  it("finds nothing between equal documents, whatever their key order", () => {
    const reordered = { tools: canonicalPolicy.tools, default: "deny", version: "1" };
    expect(diffPolicyDocuments(canonicalPolicy, reordered)).toEqual([]);
  });

  it.each([
    ["a changed limit", { max: 10 }, [{ path: "/tools/MountIso/limits/0/max", before: 30, after: 10 }]],
    [
      "an added field",
      { max: 30, extra: true },
      [{ path: "/tools/MountIso/limits/0/extra", before: undefined, after: true }],
    ],
  ])("reports %s by its JSON pointer", (_, patch, expected) => {
    const limit = { counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" };
    const changed = { ...canonicalPolicy, tools: { MountIso: { limits: [{ ...limit, ...patch }] } } };
    expect(diffPolicyDocuments(canonicalPolicy, changed)).toEqual(expected);
  });

  it("reports removed and added rules whole, escaping '/' and '~' in keys", () => {
    const a = { version: "1", default: "deny", tools: { "fs/read": {}, Keep: {} } };
    const b = { version: "1", default: "deny", tools: { Keep: {}, "a~b": { action: "deny" } } };
    expect(diffPolicyDocuments(a, b)).toEqual([
      { path: "/tools/fs~1read", before: {}, after: undefined },
      { path: "/tools/a~0b", before: undefined, after: { action: "deny" } },
    ]);
  });

  it("compares lists by position and reports a changed type as one change", () => {
    const a = { version: "1", default: "allow", hide: ["A", "B"], all_tools: { limits: [] } };
    const b = { version: "1", default: "allow", hide: ["A"], all_tools: "none" };
    expect(diffPolicyDocuments(a, b)).toEqual([
      { path: "/hide/1", before: "B", after: undefined },
      { path: "/all_tools", before: { limits: [] }, after: "none" },
    ]);
  });

  it("reports a whole-document replacement at the root", () => {
    expect(diffPolicyDocuments(null, { version: "1" })).toEqual([
      { path: "", before: null, after: { version: "1" } },
    ]);
  });
});
