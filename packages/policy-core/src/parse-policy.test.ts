import canonicalPolicy from "../test/fixtures/canonical-policy.json";
import { type PolicyIssue, parsePolicy, parsePolicyJson } from "./parse-policy";

const base = { version: "1", default: "deny" };
const withRule = (rule: unknown) => ({ ...base, tools: { MountIso: rule } });
const limit = { counter: "c", window: "minute", max: 30, scope: "grant" };

describe("valid documents", () => {
  it.each([
    ["the canonical policy", canonicalPolicy],
    ["a bare default", { version: "1", default: "allow" }],
    [
      "every field",
      {
        $schema: "https://example.test/policy.json",
        version: "1",
        default: "deny",
        hide: ["Delete*", "Secret"],
        all_tools: { limits: [{ counter: "all", window: 3600, max: 1000, scope: "tenant" }] },
        tools: {
          MountIso: {
            action: "require_approval",
            on_deny: "No.",
            limits: [limit],
            rate_limit: "5/second",
            require: [{ path: "args.iso_path", op: "regex", value: "^/isos/" }],
            deny_if: [{ path: "args.iso_path", op: "contains", value: ".." }],
            approval: { timeout: "10m" },
          },
          "vm_*": { reason: "Nope.", rate_limit: "30/90" },
        },
      },
    ],
  ])("accepts %s", (_, document) => {
    expect(parsePolicy(document)).toEqual({ ok: true, policy: document });
  });

  it.each(["team", "user"])("accepts approval by %s", (by) => {
    expect(parsePolicy(withRule({ action: "require_approval", approval: { timeout: "10m", by } })).ok).toBe(
      true,
    );
  });

  it.each(["30s", "10m", "1h", "2d"])("accepts approval timeout %s", (timeout) => {
    expect(parsePolicy(withRule({ action: "require_approval", approval: { timeout } })).ok).toBe(true);
  });

  it("lets two limits share a counter when window, max and scope agree", () => {
    const shared = { ...base, tools: { A: { limits: [limit] }, B: { limits: [{ ...limit, window: 60 }] } } };
    expect(parsePolicy(shared).ok).toBe(true);
  });
});

const invalid: [string, unknown, PolicyIssue][] = [
  ["a non-object", "deny", { path: "", message: "a policy must be a JSON object" }],
  ["missing version", { default: "deny" }, { path: "/version", message: '"version" is required' }],
  ["wrong version", { ...base, version: "2" }, { path: "/version", message: 'version must be "1"' }],
  ["missing default", { version: "1" }, { path: "/default", message: '"default" is required' }],
  [
    "bad default",
    { ...base, default: "maybe" },
    { path: "/default", message: 'default must be "allow" or "deny"' },
  ],
  [
    "unknown top-level field",
    { ...base, tool: {} },
    { path: "/tool", message: 'unknown field "tool"; did you mean "tools"?' },
  ],
  [
    "unknown rule field",
    withRule({ limts: [] }),
    { path: "/tools/MountIso/limts", message: 'unknown field "limts"; did you mean "limits"?' },
  ],
  [
    "unknown limit field",
    withRule({ limits: [{ ...limit, burst: 2 }] }),
    { path: "/tools/MountIso/limits/0/burst", message: 'unknown field "burst"' },
  ],
  [
    "hide not a list",
    { ...base, hide: "X" },
    { path: "/hide", message: "hide must be a list of tool names or globs" },
  ],
  [
    "empty hide entry",
    { ...base, hide: [""] },
    { path: "/hide/0", message: "hide entries must not be empty" },
  ],
  [
    "invisible hide entry",
    { ...base, hide: ["\u200b"] },
    { path: "/hide/0", message: "hide entry has no visible characters" },
  ],
  [
    "unknown all_tools field",
    { ...base, all_tools: { limit: [] } },
    { path: "/all_tools/limit", message: 'unknown field "limit"; did you mean "limits"?' },
  ],
  [
    "bad action",
    withRule({ action: "block" }),
    { path: "/tools/MountIso/action", message: 'action must be "allow", "deny" or "require_approval"' },
  ],
  [
    "empty on_deny",
    withRule({ on_deny: "" }),
    { path: "/tools/MountIso/on_deny", message: "must not be empty" },
  ],
  [
    "on_deny and reason",
    withRule({ on_deny: "a", reason: "b" }),
    { path: "/tools/MountIso/reason", message: "use either on_deny or its alias reason, not both" },
  ],
  [
    "zero max",
    withRule({ limits: [{ ...limit, max: 0 }] }),
    { path: "/tools/MountIso/limits/0/max", message: "max must be at least 1" },
  ],
  [
    "negative max",
    withRule({ limits: [{ ...limit, max: -5 }] }),
    { path: "/tools/MountIso/limits/0/max", message: "max must be at least 1" },
  ],
  [
    "fractional max",
    withRule({ limits: [{ ...limit, max: 1.5 }] }),
    { path: "/tools/MountIso/limits/0/max", message: "max must be a whole number" },
  ],
  [
    "string max",
    withRule({ limits: [{ ...limit, max: "30" }] }),
    { path: "/tools/MountIso/limits/0/max", message: "max must be a number" },
  ],
  [
    "missing counter",
    withRule({ limits: [{ window: "minute", max: 1, scope: "grant" }] }),
    { path: "/tools/MountIso/limits/0/counter", message: '"counter" is required' },
  ],
  [
    "bad counter",
    withRule({ limits: [{ ...limit, counter: "a b" }] }),
    {
      path: "/tools/MountIso/limits/0/counter",
      message: "counter must be 1-128 characters of letters, digits, '_', '.', ':' or '-'",
    },
  ],
  ...(["fortnight", 0, -60, 1.5, 2678401, "60"] as const).map((window): [string, unknown, PolicyIssue] => [
    `window ${JSON.stringify(window)}`,
    withRule({ limits: [{ ...limit, window }] }),
    {
      path: "/tools/MountIso/limits/0/window",
      message:
        'window must be "second", "minute", "hour", "day" or a whole number of seconds between 1 and 2678400',
    },
  ]),
  [
    "bad scope",
    withRule({ limits: [{ ...limit, scope: "user" }] }),
    {
      path: "/tools/MountIso/limits/0/scope",
      message: 'scope must be "grant", "session", "server" or "tenant"',
    },
  ],
  ...(["30", "30/fortnight", "0/minute", "-1/minute", "30/0", "1.5/minute"] as const).map(
    (rate): [string, unknown, PolicyIssue] => [
      `rate_limit ${rate}`,
      withRule({ rate_limit: rate }),
      {
        path: "/tools/MountIso/rate_limit",
        message: `rate_limit must look like "30/minute": a whole number of calls, "/", then second, minute, hour, day or a number of seconds; got "${rate}"`,
      },
    ],
  ),
  [
    "counter reused with another window",
    { ...base, tools: { A: { limits: [limit] }, B: { limits: [{ ...limit, window: "hour" }] } } },
    {
      path: "/tools/B/limits/0/window",
      message:
        'counter "c" is already used at /tools/A/limits/0 with a 60s window; limits sharing a counter share one budget, so their window must match',
    },
  ],
  [
    "counter reused with another max",
    { ...base, all_tools: { limits: [limit] }, tools: { B: { limits: [{ ...limit, max: 5 }] } } },
    {
      path: "/tools/B/limits/0/max",
      message:
        'counter "c" is already used at /all_tools/limits/0 with max 30; limits sharing a counter share one budget, so their max must match',
    },
  ],
  [
    "counter reused with another scope",
    { ...base, tools: { A: { limits: [limit, { ...limit, scope: "tenant" }] } } },
    {
      path: "/tools/A/limits/1/scope",
      message:
        'counter "c" is already used at /tools/A/limits/0 with scope "grant"; limits sharing a counter share one budget, so their scope must match',
    },
  ],
  [
    "explicit counter clashing with a rate_limit's implied counter",
    {
      ...base,
      tools: { A: { rate_limit: "30/minute" }, B: { limits: [{ ...limit, counter: "A:rate", max: 10 }] } },
    },
    {
      path: "/tools/B/limits/0/max",
      message:
        'counter "A:rate" is already used at /tools/A/rate_limit with max 30; limits sharing a counter share one budget, so their max must match',
    },
  ],
  [
    "condition path outside args",
    withRule({ require: [{ path: "tool", op: "exists" }] }),
    {
      path: "/tools/MountIso/require/0/path",
      message: 'path must start with "args." and name an argument, e.g. "args.iso_path"',
    },
  ],
  [
    "condition path with empty segment",
    withRule({ require: [{ path: "args..x", op: "exists" }] }),
    {
      path: "/tools/MountIso/require/0/path",
      message: 'path must start with "args." and name an argument, e.g. "args.iso_path"',
    },
  ],
  [
    "unknown op",
    withRule({ deny_if: [{ path: "args.x", op: "like", value: "a" }] }),
    {
      path: "/tools/MountIso/deny_if/0/op",
      message: "op must be one of: eq, neq, in, not_in, lt, lte, gt, gte, regex, contains, exists",
    },
  ],
  [
    "object value",
    withRule({ deny_if: [{ path: "args.x", op: "eq", value: { a: 1 } }] }),
    {
      path: "/tools/MountIso/deny_if/0/value",
      message: "value must be a string, number, boolean, null or a list of those",
    },
  ],
  [
    "eq without value",
    withRule({ deny_if: [{ path: "args.x", op: "eq" }] }),
    {
      path: "/tools/MountIso/deny_if/0/value",
      message: 'op "eq" needs a single value (string, number, boolean or null)',
    },
  ],
  [
    "neq with a list",
    withRule({ deny_if: [{ path: "args.x", op: "neq", value: ["a"] }] }),
    {
      path: "/tools/MountIso/deny_if/0/value",
      message: 'op "neq" needs a single value (string, number, boolean or null)',
    },
  ],
  [
    "in with a scalar",
    withRule({ deny_if: [{ path: "args.x", op: "in", value: "a" }] }),
    {
      path: "/tools/MountIso/deny_if/0/value",
      message: 'op "in" needs a list of values, e.g. ["delete", "reset"]',
    },
  ],
  [
    "not_in without value",
    withRule({ deny_if: [{ path: "args.x", op: "not_in" }] }),
    {
      path: "/tools/MountIso/deny_if/0/value",
      message: 'op "not_in" needs a list of values, e.g. ["delete", "reset"]',
    },
  ],
  ...(["lt", "lte", "gt", "gte"] as const).map((op): [string, unknown, PolicyIssue] => [
    `${op} with a string`,
    withRule({ require: [{ path: "args.n", op, value: "10" }] }),
    { path: "/tools/MountIso/require/0/value", message: `op "${op}" needs a number` },
  ]),
  [
    "contains with null",
    withRule({ require: [{ path: "args.x", op: "contains", value: null }] }),
    {
      path: "/tools/MountIso/require/0/value",
      message: 'op "contains" needs a string (substring) or a single list element to look for',
    },
  ],
  [
    "exists with a string",
    withRule({ require: [{ path: "args.x", op: "exists", value: "yes" }] }),
    { path: "/tools/MountIso/require/0/value", message: 'op "exists" takes true (the default) or false' },
  ],
  [
    "regex with a number",
    withRule({ require: [{ path: "args.x", op: "regex", value: 5 }] }),
    { path: "/tools/MountIso/require/0/value", message: 'op "regex" needs a regular expression as a string' },
  ],
  [
    "invalid regex",
    withRule({ require: [{ path: "args.x", op: "regex", value: "([a-z]" }] }),
    {
      path: "/tools/MountIso/require/0/value",
      message: "invalid regular expression: Invalid regular expression: /([a-z]/u: Unterminated group",
    },
  ],
  [
    "overlong regex",
    withRule({ deny_if: [{ path: "args.x", op: "regex", value: "a".repeat(1001) }] }),
    { path: "/tools/MountIso/deny_if/0/value", message: "regular expression is longer than 1000 characters" },
  ],
  [
    "approval on an allow rule",
    withRule({ approval: { timeout: "1m" } }),
    {
      path: "/tools/MountIso/approval",
      message: 'approval only applies to rules with action "require_approval"',
    },
  ],
  [
    "unknown approver",
    withRule({ action: "require_approval", approval: { by: "manager" } }),
    { path: "/tools/MountIso/approval/by", message: 'by must be "team" or "user"' },
  ],
  [
    "unknown approval field",
    withRule({ action: "require_approval", approval: { ttl: "1m" } }),
    { path: "/tools/MountIso/approval/ttl", message: 'unknown field "ttl"' },
  ],
  ...(["10", "10 minutes", "0m", "1w", "32d"] as const).map((timeout): [string, unknown, PolicyIssue] => [
    `approval timeout ${timeout}`,
    withRule({ action: "require_approval", approval: { timeout } }),
    {
      path: "/tools/MountIso/approval/timeout",
      message: `timeout must be a duration such as "30s", "10m", "1h" or "2d" (at most 31 days), got "${timeout}"`,
    },
  ]),
  [
    "two keys naming the same tool",
    { ...base, tools: { MountIso: {}, "mount iso": { action: "deny" } } },
    {
      path: "/tools/mount iso",
      message:
        '"mount iso" names the same tools as "MountIso" (names match ignoring case, whitespace and Unicode width); merge the two rules',
    },
  ],
  [
    "an invisible key",
    { ...base, tools: { " \u200b": {} } },
    { path: "/tools/ \u200b", message: "tool name has no visible characters" },
  ],
  [
    "a rule that is not an object",
    { ...base, tools: { A: "allow" } },
    { path: "/tools/A", message: "Invalid input: expected object, received string" },
  ],
];

describe("invalid documents", () => {
  it.each(invalid)("rejects %s", (_, document, issue) => {
    expect(parsePolicy(document)).toEqual({ ok: false, issues: [issue] });
  });

  it("reports every problem, each at its own path", () => {
    const result = parsePolicy({
      version: "1",
      default: "x",
      extra: 1,
      tools: { A: { limits: [{ ...limit, max: 0 }] } },
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      "/default",
      "/extra",
      "/tools/A/limits/0/max",
    ]);
  });
});

describe("parsePolicyJson", () => {
  it("parses the canonical policy text", () => {
    expect(parsePolicyJson(JSON.stringify(canonicalPolicy, null, 2))).toEqual({
      ok: true,
      policy: canonicalPolicy,
    });
  });

  it.each([
    [
      '{\n  "version": "1",\n  "default": deny\n}',
      'Invalid JSON at line 3, column 14: expected a value but found "d"',
    ],
    ['{"version": "1",}', 'Invalid JSON at line 1, column 17: expected a quoted key but found "}"'],
    ['{"version": "1"', 'Invalid JSON at line 1, column 16: expected "," or "}" but found end of input'],
    [
      '{"a": "line\nbreak"}',
      "Invalid JSON at line 1, column 12: control character in string (escape it, e.g. \\n)",
    ],
    ['{"a": "\\x"}', "Invalid JSON at line 1, column 8: invalid escape in string"],
    ['{"a": [1 2]}', 'Invalid JSON at line 1, column 10: expected "," or "]" but found "2"'],
    ["{} {}", "Invalid JSON at line 1, column 4: unexpected text after the end of the document"],
    ["", "Invalid JSON at line 1, column 1: expected a value but found end of input"],
    ["[".repeat(200), "Invalid JSON at line 1, column 130: nested more than 128 levels deep"],
  ])("reports a syntax error in %j with line and column", (text, message) => {
    expect(parsePolicyJson(text)).toEqual({ ok: false, issues: [{ path: "", message }] });
  });

  it("rejects duplicate keys, which JSON.parse would silently drop", () => {
    const text =
      '{"version": "1", "default": "deny", "tools": {"MountIso": {}, "MountIso": {"action": "deny"}}}';
    expect(parsePolicyJson(text)).toEqual({
      ok: false,
      issues: [
        {
          path: "/tools/MountIso",
          message:
            'duplicate key "MountIso": JSON keeps only the last one, so an earlier entry would be silently lost',
        },
      ],
    });
  });

  it("returns schema issues for well-formed JSON", () => {
    expect(parsePolicyJson('{"version": 1, "default": "deny"}')).toEqual({
      ok: false,
      issues: [{ path: "/version", message: 'version must be "1"' }],
    });
  });
});
