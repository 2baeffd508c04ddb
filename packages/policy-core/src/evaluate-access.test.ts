import canonicalPolicy from "../test/fixtures/canonical-policy.json";
import { compiled } from "../test/support/policy";
import {
  evaluateAccess,
  filterPromptList,
  filterResourceList,
  filterResourceTemplateList,
  isResourceTemplateVisible,
} from "./evaluate-access";
import { evaluateCall } from "./evaluate-call";
import { parsePolicy } from "./parse-policy";

const ids = { tenantId: "tnt_1", serverId: "srv_1", grantId: "grt_1", sessionId: "ses_1" };
const read = (policy: ReturnType<typeof compiled>, uri: string) =>
  evaluateAccess(policy, { kind: "resource", name: uri, ...ids });
const get = (policy: ReturnType<typeof compiled>, name: string) =>
  evaluateAccess(policy, { kind: "prompt", name, ...ids });

const policy = compiled({
  version: "1",
  default: "deny",
  hide: ["resource:file:///secret/*", "prompt:internal_*", "DeleteVm"],
  resources: {
    "file:///public/*": {},
    "file:///public/private/*": { action: "deny", on_deny: "Private files stay private." },
    "file:///logs/*": { action: "require_approval", approval: { timeout: "5m" } },
    "test://static/resource/1": { rate_limit: "2/minute" },
    "file:///secret/allowed": {},
  },
  prompts: {
    "summarize*": {},
    simple_prompt: { limits: [{ counter: "prompts", window: "hour", max: 10, scope: "tenant" }] },
    dangerous_prompt: { action: "deny" },
  },
});

type Row = [kind: "resource" | "prompt", name: string, outcome: string, rule: string];

// One row per case: what reading a resource or getting a prompt decides, and which rule decided.
const rows: Row[] = [
  ["resource", "file:///public/readme.md", "allow", "/resources/file:~1~1~1public~1*"],
  ["resource", "FILE:///public/readme.md", "allow", "/resources/file:~1~1~1public~1*"],
  ["resource", "file:///public/private/key.pem", "deny", "/resources/file:~1~1~1public~1private~1*"],
  ["resource", "file:///public/../etc/passwd", "deny", "(default deny)"],
  ["resource", "file:///public/%2e%2e/etc/passwd", "deny", "(default deny)"],
  ["resource", "file:///public/..%2Fetc/passwd", "deny", "(default deny)"],
  ["resource", "file:///public/%70rivate/key.pem", "deny", "/resources/file:~1~1~1public~1private~1*"],
  ["resource", "file:///etc/passwd", "deny", "(default deny)"],
  ["resource", "file:///secret/allowed", "deny", "(hidden)"],
  ["resource", "file:///logs/today.log", "require_approval", "/resources/file:~1~1~1logs~1*"],
  ["resource", "test://static/resource/1", "check_limits", "/resources/test:~1~1static~1resource~11"],
  ["resource", "test://static/resource/2", "deny", "(default deny)"],
  ["prompt", "summarize_logs", "allow", "/prompts/summarize*"],
  ["prompt", "Summarize_Logs", "allow", "/prompts/summarize*"],
  ["prompt", "simple_prompt", "check_limits", "/prompts/simple_prompt"],
  ["prompt", "dangerous_prompt", "deny", "/prompts/dangerous_prompt"],
  ["prompt", "internal_debug", "deny", "(hidden)"],
  ["prompt", "other", "deny", "(default deny)"],
];

describe.each(rows)("%s %j", (kind, name, outcome, rule) => {
  it(`is decided ${outcome} by ${rule}`, () => {
    const decision = kind === "resource" ? read(policy, name) : get(policy, name);
    expect(decision.outcome).toBe(outcome);
    expect(decision.rule).toBe(rule);
  });
});

describe("resource and prompt rules", () => {
  it("use the rule's on_deny as the reason", () => {
    expect(read(policy, "file:///public/private/a")).toMatchObject({ reason: "Private files stay private." });
    expect(read(policy, "file:///etc/passwd")).toMatchObject({
      reason: "Resource 'file:///etc/passwd' is not allowed by this policy.",
    });
  });

  it("count limits on their own counters, never a tool's", () => {
    const decision = read(policy, "test://static/resource/1");
    expect(decision).toMatchObject({
      limits: [
        { counter: "resource:test://static/resource/1:rate", max: 2, windowSeconds: 60, scope: "grant" },
      ],
    });
    expect(get(policy, "simple_prompt")).toMatchObject({
      limits: [{ key: "tg:rl:{tnt_1}:t:prompts:3600", scope: "tenant" }],
    });
  });

  it("carry the approval timeout", () => {
    expect(read(policy, "file:///logs/a")).toMatchObject({ timeoutSeconds: 300, limits: [] });
  });

  it("follow default allow when no rule matches", () => {
    const open = compiled({ version: "1", default: "allow", hide: ["resource:file:///etc/*"] });
    expect(read(open, "file:///home/a")).toEqual({ outcome: "allow", rule: "(default allow)" });
    expect(get(open, "anything")).toEqual({ outcome: "allow", rule: "(default allow)" });
    expect(read(open, "file:///etc/shadow")).toMatchObject({ outcome: "deny", rule: "(hidden)" });
  });

  it("are denied by default under the canonical policy", () => {
    const canonical = compiled(canonicalPolicy);
    expect(read(canonical, "file:///etc/passwd").outcome).toBe("deny");
    expect(get(canonical, "simple_prompt").outcome).toBe("deny");
  });

  it("do not hide or govern tools, and tool hide entries do not hide prompts", () => {
    expect(evaluateCall(policy, { ...ids, tool: "resource:file:///secret/x", args: {} }).rule).toBe(
      "(default deny)",
    );
    const open = compiled({ version: "1", default: "allow", hide: ["summarize"] });
    expect(get(open, "summarize").outcome).toBe("allow");
  });
});

describe("listings are filtered exactly as reads and gets are enforced", () => {
  it("keeps the resources that can be read, in order", () => {
    const resources = [
      { uri: "file:///public/a.md", name: "a" },
      { uri: "file:///public/private/b", name: "b" },
      { uri: "file:///secret/allowed", name: "c" },
      { uri: "file:///logs/x.log", name: "d" },
      { uri: "file:///etc/passwd", name: "e" },
    ];
    expect(filterResourceList(policy, resources).map((r) => r.name)).toEqual(["a", "d"]);
    for (const resource of resources) {
      const listed = filterResourceList(policy, [resource]).length === 1;
      expect(listed).toBe(read(policy, resource.uri).outcome !== "deny");
    }
  });

  it("keeps the templates whose pattern a rule allows", () => {
    const templates = [
      { uriTemplate: "file:///public/{path}", name: "pub" },
      { uriTemplate: "file:///etc/{path}", name: "etc" },
      { uriTemplate: "file:///secret/{name}", name: "secret" },
    ];
    expect(filterResourceTemplateList(policy, templates).map((t) => t.name)).toEqual(["pub"]);
    expect(isResourceTemplateVisible(policy, "test://static/resource/{id}")).toBe(false);
  });

  it("keeps the prompts that can be got", () => {
    const prompts = [
      { name: "summarize_logs" },
      { name: "internal_x" },
      { name: "dangerous_prompt" },
      { name: "z" },
    ];
    expect(filterPromptList(policy, prompts)).toEqual([{ name: "summarize_logs" }]);
  });
});

describe("validation", () => {
  const issues = (document: unknown) => {
    const result = parsePolicy(document);
    return result.ok ? [] : result.issues.map((issue) => `${issue.path} ${issue.message}`);
  };

  it("rejects argument conditions and unknown fields on resource and prompt rules", () => {
    const found = issues({
      version: "1",
      default: "deny",
      resources: { "file:///a": { require: [{ path: "args.x", op: "exists" }] } },
      prompts: { p: { deny_if: [] } },
    });
    expect(found.join("\n")).toContain("/resources/file:~1~1~1a");
    expect(found.join("\n")).toContain("/prompts/p");
  });

  it("rejects two keys naming the same resource or prompt, and approval without require_approval", () => {
    const found = issues({
      version: "1",
      default: "deny",
      resources: { "file:///a/b": {}, "FILE:///a/./b": {}, "file:///c": { approval: { timeout: "1m" } } },
      prompts: { Summary: {}, summary: {} },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\/resources\/FILE:~1~1~1a~1.~1b "FILE:\/\/\/a\/.\/b" names the same resources/,
        ),
        expect.stringMatching(/^\/resources\/file:~1~1~1c\/approval approval only applies/),
        expect.stringMatching(/^\/prompts\/summary "summary" names the same prompts as "Summary"/),
      ]),
    );
  });

  it("rejects an empty resource: or prompt: hide entry", () => {
    expect(issues({ version: "1", default: "deny", hide: ["resource:", "prompt: "] })).toHaveLength(2);
  });
});
