import type { LimitCheck } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./memory-rate-limiter";

const perMinute = (max: number, key = "tg:rl:{t}:grant:g:c:60"): LimitCheck => ({
  key,
  counter: "c",
  scope: "grant",
  windowSeconds: 60,
  max,
  rule: "/tools/X/limits/0",
});
const WINDOW_START = 1_800_000_000_000 - (1_800_000_000_000 % 60_000);

describe("MemoryRateLimiter", () => {
  it("lets exactly max calls through in a window and names the limit with its retry time", async () => {
    const limiter = new MemoryRateLimiter();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.reserve([perMinute(3)], WINDOW_START + 15_000));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    const denied = results[3];
    expect(denied?.ok === false && denied.limit.rule).toBe("/tools/X/limits/0");
    expect(denied?.ok === false && denied.retryAfterSeconds).toBe(45);
  });

  it("starts a fresh budget in the next calendar window", async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.reserve([perMinute(1)], WINDOW_START + 59_000);
    expect((await limiter.reserve([perMinute(1)], WINDOW_START + 59_500)).ok).toBe(false);
    expect((await limiter.reserve([perMinute(1)], WINDOW_START + 60_000)).ok).toBe(true);
  });

  it("spends nothing when any one of a call's limits is full", async () => {
    const limiter = new MemoryRateLimiter();
    const wide = perMinute(10, "wide");
    const narrow = perMinute(1, "narrow");
    expect((await limiter.reserve([wide, narrow], WINDOW_START)).ok).toBe(true);
    expect((await limiter.reserve([wide, narrow], WINDOW_START)).ok).toBe(false);
    // Only the first call counted against the wide limit: 9 more fit.
    let granted = 0;
    for (let i = 0; i < 12; i++) if ((await limiter.reserve([wide], WINDOW_START)).ok) granted++;
    expect(granted).toBe(9);
  });

  it("gives a refunded reservation back to the budget", async () => {
    const limiter = new MemoryRateLimiter();
    const first = await limiter.reserve([perMinute(1)], WINDOW_START);
    expect((await limiter.reserve([perMinute(1)], WINDOW_START)).ok).toBe(false);
    if (!first.ok) throw new Error("first call should pass");
    await limiter.refund(first.reservation);
    expect((await limiter.reserve([perMinute(1)], WINDOW_START)).ok).toBe(true);
  });

  it("drops the counters of passed windows, so a long run does not keep one per window", async () => {
    const limiter = new MemoryRateLimiter();
    const perSecond = (key: string): LimitCheck => ({ ...perMinute(5, key), windowSeconds: 1 });
    // An hour of one call per second on each of 10 per-second limits: 36,000 windows in all.
    for (let second = 0; second < 3_600; second++) {
      const limits = Array.from({ length: 10 }, (_, i) => perSecond(`tenant-${i}`));
      expect((await limiter.reserve(limits, WINDOW_START + second * 1_000)).ok).toBe(true);
    }
    // Only the windows of the last sweep interval (10 s) remain.
    expect(limiter.size).toBeGreaterThanOrEqual(10);
    expect(limiter.size).toBeLessThanOrEqual(110);
    // Counting still works after sweeps: a full window stays full.
    const now = WINDOW_START + 3_600_000;
    for (let i = 0; i < 5; i++) await limiter.reserve([perSecond("late")], now);
    expect((await limiter.reserve([perSecond("late")], now)).ok).toBe(false);
  });
});
