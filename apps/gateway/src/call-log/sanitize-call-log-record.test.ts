import type { CallLogRecord } from "@toolgate/db";
import { describe, expect, it } from "vitest";
import { LOG_LIMITS, sanitizeCallLogRecord } from "./sanitize-call-log-record";

const base: CallLogRecord = {
  id: "req_1",
  tenantId: "ten_1",
  serverId: "srv_1",
  grantId: "grt_1",
  grantLabel: "laptop",
  sessionId: null,
  method: "tools/call",
  tool: "greet",
  decision: "allow",
  rule: null,
  message: null,
  policyVersion: 1,
  upstreamStatus: 200,
  latencyMs: 1,
  argumentKeys: [],
  arguments: null,
  createdAt: new Date(0),
};

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("sanitizeCallLogRecord", () => {
  it("replaces NUL and lone surrogates in names, keys and values", () => {
    const record = sanitizeCallLogRecord({
      ...base,
      tool: "bad\u0000name",
      argumentKeys: ["k\u0000"],
      arguments: { "k\u0000": "x\uD800y" },
    });
    expect(record.tool).toBe("bad\uFFFDname");
    expect(record.argumentKeys).toEqual(["k\uFFFD"]);
    expect(record.arguments).toEqual({ "k\uFFFD": "x\uFFFDy" });
  });

  it("cuts argument values nested past the limit with a marker, even where JSON.stringify would throw", () => {
    const deep = nested(200_000);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const record = sanitizeCallLogRecord({ ...base, arguments: deep });
    const json = JSON.stringify(record.arguments);
    expect(json).toContain(`nested deeper than ${LOG_LIMITS.maxDepth} levels`);
    expect(json.length).toBeLessThan(1_000);
  });

  it("cuts long strings and oversized arguments, saying so", () => {
    const record = sanitizeCallLogRecord({
      ...base,
      message: "m".repeat(10_000),
      arguments: { blob: Array.from({ length: 100 }, () => "x".repeat(4_000)) },
    });
    expect(record.message?.endsWith("…[truncated]")).toBe(true);
    expect(JSON.stringify(record.arguments)).toMatch(/over the \d+ logged/);
  });

  it("leaves an ordinary record as it was", () => {
    const record = { ...base, arguments: { path: "/tmp", n: 3, flags: [true, null] } };
    expect(sanitizeCallLogRecord(record)).toEqual(record);
  });
});
