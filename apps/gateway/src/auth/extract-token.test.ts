import { describe, expect, it } from "vitest";
import { extractToken } from "./extract-token";
import { redactUrl } from "./redact-url";

describe("extractToken", () => {
  it.each([
    ["a bearer header", "Bearer tg_grt_abc", "", "tg_grt_abc"],
    ["a lower-case scheme", "bearer tg_grt_abc", "", "tg_grt_abc"],
    ["the URL when there is no header", undefined, "x=1&token=tg_grt_q", "tg_grt_q"],
    ["nothing", undefined, "", undefined],
    ["a non-bearer header", "Basic dXNlcjpwYXNz", "token=tg_grt_q", undefined],
    ["an empty URL token", undefined, "token=", undefined],
  ])("reads %s", (_, header, query, expected) => {
    expect(extractToken(header, query)).toBe(expected);
  });
});

describe("redactUrl", () => {
  it("hides the token wherever it sits in the query", () => {
    expect(redactUrl("/t/s/mcp?token=tg_grt_secret")).toBe("/t/s/mcp?token=[REDACTED]");
    expect(redactUrl("/t/s/mcp?a=1&TOKEN=tg_grt_secret&b=2")).toBe("/t/s/mcp?a=1&TOKEN=[REDACTED]&b=2");
    expect(redactUrl("/t/s/mcp?mytoken=keep")).toBe("/t/s/mcp?mytoken=keep");
  });
});
