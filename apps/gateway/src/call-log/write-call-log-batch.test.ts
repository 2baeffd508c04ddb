import { describe, expect, it } from "vitest";
import { isTransient } from "./write-call-log-batch";

describe("isTransient", () => {
  it("retries deadlocks and serialisation failures, dead-letters what the record itself caused", () => {
    const raw = (code: string, message: string) =>
      new Error(
        `\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``,
      );
    expect(isTransient(raw("40P01", "deadlock detected"))).toBe(true);
    expect(isTransient(raw("40001", "could not serialize access"))).toBe(true);
    expect(isTransient(raw("22021", 'invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
    expect(isTransient(new Error("value too long"))).toBe(false);
  });
});
