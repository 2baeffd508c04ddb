import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { guardedLookup } from "./guarded-lookup";
import { UpstreamError } from "./upstream-error";

function run(policy: { allowPrivateAddresses: boolean }, all: boolean) {
  return new Promise<{ error: Error | null; result: string | LookupAddress[] }>((resolve) => {
    guardedLookup(policy)("localhost", { all }, (error, result) => resolve({ error, result }));
  });
}

describe("guardedLookup (connect-time check)", () => {
  it("refuses a host that resolves to a blocked address", async () => {
    const { error } = await run({ allowPrivateAddresses: false }, true);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: "blocked_address" });
  });

  it("answers in the shape the socket asked for when the address is allowed", async () => {
    const many = await run({ allowPrivateAddresses: true }, true);
    expect(many.error).toBeNull();
    expect(Array.isArray(many.result) && many.result.length > 0).toBe(true);
    const one = await run({ allowPrivateAddresses: true }, false);
    expect(one.result).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
