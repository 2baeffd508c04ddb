import canonicalPolicy from "../test/fixtures/canonical-policy.json";
import { baseCall, compiled, decide } from "../test/support/policy";
import { evaluateCall } from "./evaluate-call";
import { filterToolList, isToolVisible } from "./tool-visibility";

describe("the canonical policy", () => {
  const policy = compiled(canonicalPolicy);

  it("limits MountIso to 30 calls per minute per grant", () => {
    expect(decide(policy, "MountIso")).toEqual({
      outcome: "check_limits",
      rule: "/tools/MountIso",
      limits: [
        {
          key: "tg:rl:{tnt_1}:srv_1:g:grt_1:mountiso_rate:60",
          counter: "mountiso_rate",
          scope: "grant",
          windowSeconds: 60,
          max: 30,
          rule: "/tools/MountIso/limits/0",
        },
      ],
    });
  });

  it.each(["DeleteVm", "ListVms", "vm_management", "MountIsoX", "Mount", ""])(
    "denies %j by default",
    (tool) => {
      expect(decide(policy, tool)).toEqual({
        outcome: "deny",
        rule: "(default deny)",
        reason: `Tool '${tool}' is not allowed by this policy.`,
      });
    },
  );

  it("lists only MountIso", () => {
    const tools = [{ name: "ListVms" }, { name: "MountIso" }, { name: "DeleteVm" }];
    expect(filterToolList(policy, tools)).toEqual([{ name: "MountIso" }]);
  });
});

describe("tool-name canonicalisation", () => {
  const policy = compiled({ version: "1", default: "allow", tools: { MountIso: { action: "deny" } } });
  const variants = [
    "MountIso",
    "mountiso",
    "MOUNTISO",
    "MountIso ",
    " MountIso",
    "Mount Iso",
    "MountIso\n",
    "ＭｏｕｎｔＩｓｏ",
    "Mount\u200bIso",
    "\ufeffMountIso",
    "MountIso\u00a0",
  ];
  it.each(variants)("a deny on MountIso also stops %j, and it is not listed", (tool) => {
    expect(decide(policy, tool)).toMatchObject({ outcome: "deny", rule: "/tools/MountIso" });
    expect(isToolVisible(policy, tool)).toBe(false);
  });

  it("treats NFD and NFC spellings alike", () => {
    const accented = compiled({ version: "1", default: "allow", tools: { Café: { action: "deny" } } });
    expect(decide(accented, "Cafe\u0301")).toMatchObject({ outcome: "deny", rule: "/tools/Café" });
  });

  it("does not fold different names together", () => {
    expect(decide(policy, "MountIso2")).toEqual({ outcome: "allow", rule: "(default allow)" });
    expect(decide(policy, "Mount_Iso")).toEqual({ outcome: "allow", rule: "(default allow)" });
  });
});

describe("precedence between keys", () => {
  const policy = compiled({
    version: "1",
    default: "deny",
    hide: ["Secret*"],
    tools: {
      "*": { action: "deny", on_deny: "star" },
      "Delete*": { action: "deny", on_deny: "delete glob" },
      "DeleteSnap*": { action: "require_approval" },
      DeleteSnapshotNow: {},
      "*Vm": { rate_limit: "5/minute" },
      "*Snapshot*": { rate_limit: "7/minute" },
      SecretTool: {},
    },
  });

  it.each([
    ["DeleteSnapshotNow", "allow", "/tools/DeleteSnapshotNow"],
    ["DeleteSnapshot", "require_approval", "/tools/DeleteSnap*"],
    ["DeleteVm", "deny", "/tools/Delete*"],
    ["StartVm", "check_limits", "/tools/*Vm"],
    ["ListSnapshots", "check_limits", "/tools/*Snapshot*"],
    ["Anything", "deny", "/tools/*"],
    ["SecretTool", "deny", "(hidden)"],
    ["SecretOther", "deny", "(hidden)"],
  ])("%s → %s by %s", (tool, outcome, rule) => {
    expect(decide(policy, tool)).toMatchObject({ outcome, rule });
  });

  it("breaks a tie in literal length in favour of fewer wildcards, then by text", () => {
    const tie = compiled({
      version: "1",
      default: "deny",
      tools: { "ab*": { action: "deny" }, "a*b*": {}, "*ab": { rate_limit: "1/second" } },
    });
    expect(decide(tie, "abab")).toMatchObject({ rule: "/tools/*ab" });
    expect(decide(tie, "abxx")).toMatchObject({ rule: "/tools/ab*" });
    expect(decide(tie, "axbx")).toMatchObject({ rule: "/tools/a*b*" });
  });

  it("escapes ~ and / in rule pointers", () => {
    const odd = compiled({ version: "1", default: "deny", tools: { "fs/read~1": { action: "deny" } } });
    expect(decide(odd, "fs/read~1")).toMatchObject({ rule: "/tools/fs~1read~01" });
  });
});

describe("decision order within a rule", () => {
  const policy = compiled({
    version: "1",
    default: "deny",
    all_tools: { limits: [{ counter: "all", window: "hour", max: 1000, scope: "tenant" }] },
    tools: {
      vm_management: {
        action: "require_approval",
        approval: { timeout: "30s" },
        deny_if: [{ path: "args.action", op: "in", value: ["delete", "reset"] }],
        require: [
          { path: "args.vm_name", op: "exists" },
          { path: "args.vm_name", op: "regex", value: "^test-" },
        ],
        limits: [{ counter: "vm", window: 60, max: 5, scope: "session" }],
      },
      Blocked: { action: "deny", deny_if: [{ path: "args.x", op: "exists" }] },
      AskUser: { action: "require_approval", approval: { timeout: "5m", by: "user" } },
    },
  });

  it("an approval says who decides: the team by default, the agent's user when by is user", () => {
    expect(decide(policy, "AskUser", {})).toMatchObject({
      outcome: "require_approval",
      rule: "/tools/AskUser",
      timeoutSeconds: 300,
      approvalBy: "user",
    });
  });

  it("deny beats deny_if", () => {
    expect(decide(policy, "Blocked", { x: 1 })).toMatchObject({ outcome: "deny", rule: "/tools/Blocked" });
  });

  it("deny_if beats require", () => {
    expect(decide(policy, "vm_management", { action: "delete" })).toMatchObject({
      outcome: "deny",
      rule: "/tools/vm_management/deny_if/0",
      reason: 'The call is denied because args.action is one of ["delete", "reset"].',
    });
  });

  it("the first failing require names itself", () => {
    expect(decide(policy, "vm_management", { action: "start" })).toMatchObject({
      outcome: "deny",
      rule: "/tools/vm_management/require/0",
    });
    expect(decide(policy, "vm_management", { action: "start", vm_name: "prod-1" })).toMatchObject({
      outcome: "deny",
      rule: "/tools/vm_management/require/1",
    });
  });

  it("approval comes with the rule's limits and all_tools limits", () => {
    expect(decide(policy, "vm_management", { action: "start", vm_name: "test-1" })).toEqual({
      outcome: "require_approval",
      rule: "/tools/vm_management",
      timeoutSeconds: 30,
      approvalBy: "team",
      limits: [
        {
          key: "tg:rl:{tnt_1}:srv_1:s:ses_1:vm:60",
          counter: "vm",
          scope: "session",
          windowSeconds: 60,
          max: 5,
          rule: "/tools/vm_management/limits/0",
        },
        {
          key: "tg:rl:{tnt_1}:t:all:3600",
          counter: "all",
          scope: "tenant",
          windowSeconds: 3600,
          max: 1000,
          rule: "/all_tools/limits/0",
        },
      ],
    });
  });

  it("a session-scoped limit without a session id uses the grant's budget", () => {
    const decision = evaluateCall(policy, {
      ...baseCall,
      sessionId: undefined,
      tool: "vm_management",
      args: { action: "start", vm_name: "test-1" },
    });
    expect(decision).toMatchObject({
      limits: [{ key: "tg:rl:{tnt_1}:srv_1:g:grt_1:vm:60", scope: "grant" }, { counter: "all" }],
    });
  });
});

describe("limits", () => {
  it("shares one key between rules naming the same counter, and lists it once per call", () => {
    const policy = compiled({
      version: "1",
      default: "deny",
      all_tools: { limits: [{ counter: "shared", window: "minute", max: 10, scope: "server" }] },
      tools: {
        A: { limits: [{ counter: "shared", window: "minute", max: 10, scope: "server" }] },
        B: { limits: [{ counter: "shared", window: 60, max: 10, scope: "server" }] },
      },
    });
    const a = decide(policy, "A");
    const b = decide(policy, "B");
    if (a.outcome !== "check_limits" || b.outcome !== "check_limits") throw new Error("expected limits");
    expect(a.limits).toHaveLength(1);
    expect(a.limits[0]?.key).toBe("tg:rl:{tnt_1}:srv_1:v:shared:60");
    expect(b.limits[0]?.key).toBe(a.limits[0]?.key);
  });

  it.each([
    ["second", 1],
    ["minute", 60],
    ["hour", 3600],
    ["day", 86400],
    [90, 90],
  ])("window %j is %i seconds", (window, seconds) => {
    const policy = compiled({
      version: "1",
      default: "deny",
      tools: { T: { limits: [{ counter: "c", window, max: 1, scope: "grant" }] } },
    });
    expect(decide(policy, "T")).toMatchObject({
      limits: [{ windowSeconds: seconds, key: `tg:rl:{tnt_1}:srv_1:g:grt_1:c:${seconds}` }],
    });
  });

  it("expands rate_limit into a grant-scoped limit with an implied counter", () => {
    const policy = compiled({
      version: "1",
      default: "deny",
      tools: { MountIso: { rate_limit: "30/minute" } },
    });
    expect(decide(policy, "MountIso")).toEqual({
      outcome: "check_limits",
      rule: "/tools/MountIso",
      limits: [
        {
          key: "tg:rl:{tnt_1}:srv_1:g:grt_1:MountIso%3Arate:60",
          counter: "MountIso:rate",
          scope: "grant",
          windowSeconds: 60,
          max: 30,
          rule: "/tools/MountIso/rate_limit",
        },
      ],
    });
  });

  it("applies all_tools limits to default-allowed tools", () => {
    const policy = compiled({
      version: "1",
      default: "allow",
      all_tools: { limits: [{ counter: "all", window: "second", max: 100, scope: "grant" }] },
    });
    expect(decide(policy, "Anything")).toMatchObject({
      outcome: "check_limits",
      rule: "(default allow)",
      limits: [{ counter: "all", rule: "/all_tools/limits/0" }],
    });
  });

  it("keeps ids containing ':' from colliding with other keys", () => {
    const policy = compiled({
      version: "1",
      default: "deny",
      tools: { T: { limits: [{ counter: "c", window: 1, max: 1, scope: "grant" }] } },
    });
    const decision = evaluateCall(policy, { ...baseCall, tool: "T", grantId: "a:b" });
    expect(decision).toMatchObject({ limits: [{ key: "tg:rl:{tnt_1}:srv_1:g:a%3Ab:c:1" }] });
  });
});

describe("actions and messages", () => {
  const policy = compiled({
    version: "1",
    default: "allow",
    tools: {
      Quiet: { action: "deny" },
      Told: { action: "deny", on_deny: "Ask the infra team." },
      Aliased: { deny_if: [{ path: "args.force", op: "eq", value: true }], reason: "No forcing." },
      Approve: { action: "require_approval" },
      Plain: {},
    },
  });
  it.each([
    ["Quiet", { outcome: "deny", rule: "/tools/Quiet", reason: "Tool 'Quiet' is denied by this policy." }],
    ["Told", { outcome: "deny", rule: "/tools/Told", reason: "Ask the infra team." }],
    [
      "Approve",
      {
        outcome: "require_approval",
        rule: "/tools/Approve",
        timeoutSeconds: 600,
        approvalBy: "team",
        limits: [],
      },
    ],
    ["Plain", { outcome: "allow", rule: "/tools/Plain" }],
    ["Other", { outcome: "allow", rule: "(default allow)" }],
  ])("%s", (tool, expected) => {
    expect(decide(policy, tool)).toEqual(expected);
  });

  it("uses reason (the alias of on_deny) for condition denials", () => {
    expect(decide(policy, "Aliased", { force: true })).toEqual({
      outcome: "deny",
      rule: "/tools/Aliased/deny_if/0",
      reason: "No forcing.",
    });
    expect(decide(policy, "Aliased", { force: false })).toEqual({ outcome: "allow", rule: "/tools/Aliased" });
  });
});
