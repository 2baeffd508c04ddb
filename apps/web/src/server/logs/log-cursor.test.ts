import { describe, expect, it } from "vitest";
import { decodeLogCursor, encodeLogCursor } from "./log-cursor";

describe("log cursor", () => {
  it("round-trips a position", () => {
    const cursor = { createdAt: new Date("2026-11-25T10:00:00.123Z"), id: "req_01jd.x" };
    expect(decodeLogCursor(encodeLogCursor(cursor))).toEqual(cursor);
  });

  it.each(["", "abc", ".req_1", "12.", "1e400.req_1"])("rejects the malformed cursor %j", (value) => {
    expect(decodeLogCursor(value)).toBeNull();
  });
});
