import { describe, expect, it } from "vitest";
import { TenantConcurrency } from "./tenant-concurrency";

describe("TenantConcurrency", () => {
  it("caps each tenant on its own and frees a slot once per release", () => {
    const limits = new TenantConcurrency(2);
    const first = limits.acquire("ten_a");
    const second = limits.acquire("ten_a");
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(limits.acquire("ten_a")).toBeNull();
    expect(limits.acquire("ten_b")).not.toBeNull();
    first?.();
    first?.();
    expect(limits.count("ten_a")).toBe(1);
    expect(limits.acquire("ten_a")).not.toBeNull();
    expect(limits.acquire("ten_a")).toBeNull();
  });
});
