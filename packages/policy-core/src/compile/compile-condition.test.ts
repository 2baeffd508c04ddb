import type { PolicyCondition } from "../schema/policy-schema";
import { compileCondition } from "./compile-condition";

type Row = [
  op: PolicyCondition["op"],
  value: PolicyCondition["value"],
  arg: unknown,
  require: boolean,
  denyIf: boolean,
];

const MISSING = Symbol("missing");

// For each op: does `require` pass, and does `deny_if` fire, for args.x = arg (MISSING: no args.x)?
const rows: Row[] = [
  ["eq", "delete", "delete", true, true],
  ["eq", "delete", "Delete", false, false],
  ["eq", 1, "1", false, false],
  ["eq", null, null, true, true],
  ["eq", "delete", MISSING, false, false],
  ["neq", "delete", "list", true, true],
  ["neq", "delete", "delete", false, false],
  ["neq", "delete", MISSING, false, true],
  ["in", ["delete", "reset"], "reset", true, true],
  ["in", ["delete", "reset"], "list", false, false],
  ["in", ["delete", "reset"], MISSING, false, false],
  ["not_in", ["delete", "reset"], "list", true, true],
  ["not_in", ["delete", "reset"], "delete", false, false],
  ["not_in", ["delete", "reset"], MISSING, false, true],
  ["lt", 10, 9, true, true],
  ["lt", 10, 10, false, false],
  ["lte", 10, 10, true, true],
  ["lte", 10, 11, false, false],
  ["gt", 10, 11, true, true],
  ["gt", 10, 10, false, false],
  ["gte", 10, 10, true, true],
  ["gte", 10, 9, false, false],
  ["gt", 10, "11", false, true],
  ["lt", 10, Number.NaN, false, true],
  ["lt", 10, MISSING, false, false],
  ["regex", "^/isos/[a-z]+\\.iso$", "/isos/debian.iso", true, true],
  ["regex", "^/isos/[a-z]+\\.iso$", "/etc/passwd", false, false],
  ["regex", "^/isos/", 42, false, true],
  ["regex", "a", "a".repeat(10_001), false, true],
  ["regex", "^/isos/", MISSING, false, false],
  ["contains", "..", "/isos/../etc", true, true],
  ["contains", "..", "/isos/a.iso", false, false],
  ["contains", "root", ["alice", "root"], true, true],
  ["contains", "root", ["alice"], false, false],
  ["contains", "root", { root: true }, false, true],
  ["contains", "root", MISSING, false, false],
  ["exists", undefined, "anything", true, true],
  ["exists", undefined, false, true, true],
  ["exists", undefined, null, false, false],
  ["exists", undefined, MISSING, false, false],
  ["exists", true, 0, true, true],
  ["exists", false, MISSING, true, true],
  ["exists", false, "x", false, false],
];

describe.each(rows)("op %s with value %j on %j", (op, value, arg, requirePasses, denyIfFires) => {
  const args = arg === MISSING ? {} : { x: arg };
  const condition: PolicyCondition =
    value === undefined ? { path: "args.x", op } : { path: "args.x", op, value };

  it(`require ${requirePasses ? "passes" : "fails"}`, () => {
    expect(compileCondition(condition, "/p", "require").holds(args)).toBe(requirePasses);
  });

  it(`deny_if ${denyIfFires ? "fires" : "does not fire"}`, () => {
    expect(compileCondition(condition, "/p", "deny_if").holds(args)).toBe(denyIfFires);
  });
});

describe("argument paths", () => {
  it("walks nested objects and arrays by dotted path", () => {
    const condition = compileCondition({ path: "args.disk.0.path", op: "eq", value: "/a" }, "/p", "require");
    expect(condition.holds({ disk: [{ path: "/a" }] })).toBe(true);
    expect(condition.holds({ disk: [{ path: "/b" }] })).toBe(false);
    expect(condition.holds({ disk: "x" })).toBe(false);
  });

  it("never reads inherited properties", () => {
    const condition = compileCondition({ path: "args.constructor", op: "exists" }, "/p", "require");
    expect(condition.holds({})).toBe(false);
    const proto = compileCondition({ path: "args.__proto__", op: "exists" }, "/p", "require");
    expect(proto.holds({})).toBe(false);
  });
});
