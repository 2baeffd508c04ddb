import { describeLimitDenial, formatDenial } from "./format-denial";
import { retryAfterSeconds, windowStartSeconds } from "./limit-window";

const limit = {
  key: "k",
  counter: "mountiso_rate",
  scope: "grant" as const,
  windowSeconds: 60,
  max: 30,
  rule: "/tools/MountIso/limits/0",
};

describe("denial text", () => {
  it.each([
    [
      { reason: "Tool 'X' is not allowed by this policy.", rule: "(default deny)" },
      "[POLICY DENIED] Tool 'X' is not allowed by this policy. Rule: (default deny)",
    ],
    [
      { reason: "No deletes", rule: "/tools/X/deny_if/0" },
      "[POLICY DENIED] No deletes. Rule: /tools/X/deny_if/0",
    ],
    [
      { reason: describeLimitDenial(limit), rule: limit.rule, retryAfterSeconds: 42 },
      "[POLICY DENIED] Rate limit reached: 30 calls per minute per grant (counter mountiso_rate, fixed window). Rule: /tools/MountIso/limits/0. Retry after 42s.",
    ],
    [
      { reason: "Slow down!", rule: "/all_tools/limits/0", retryAfterSeconds: 0.2 },
      "[POLICY DENIED] Slow down! Rule: /all_tools/limits/0. Retry after 1s.",
    ],
  ])("%j", (denial, text) => {
    expect(formatDenial(denial)).toBe(text);
  });

  it.each([
    [
      { ...limit, max: 1, windowSeconds: 1, scope: "session" as const },
      "Rate limit reached: 1 call per second per session (counter mountiso_rate, fixed window).",
    ],
    [
      { ...limit, windowSeconds: 90, scope: "tenant" as const },
      "Rate limit reached: 30 calls per 90 seconds per tenant (counter mountiso_rate, fixed window).",
    ],
    [
      { ...limit, windowSeconds: 86400, scope: "server" as const },
      "Rate limit reached: 30 calls per day per server (counter mountiso_rate, fixed window).",
    ],
  ])("describes %j", (check, text) => {
    expect(describeLimitDenial(check)).toBe(text);
  });
});

describe("fixed windows", () => {
  it.each([
    [120_000, 60, 120, 60],
    [125_500, 60, 120, 55],
    [179_999, 60, 120, 1],
    [86_400_000 + 5_000, 86_400, 86_400, 86_395],
  ])("at %i ms a %i s window starts at %i s and ends in %i s", (now, window, start, retry) => {
    expect(windowStartSeconds(now, window)).toBe(start);
    expect(retryAfterSeconds(now, window)).toBe(retry);
  });
});
