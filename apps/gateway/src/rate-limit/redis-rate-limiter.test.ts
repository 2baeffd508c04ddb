import { randomUUID } from "node:crypto";
import type { LimitCheck } from "@toolgate/policy-core";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { testEnv } from "../../test/support/test-env";
import { RedisRateLimiter } from "./redis-rate-limiter";

const redis = new Redis(testEnv.redisUrl);
afterAll(() => redis.disconnect());

const limit = (max: number, windowSeconds = 60): LimitCheck => ({
  key: `tg:rl:{test-${randomUUID()}}:grant:g:mountiso_rate:${windowSeconds}`,
  counter: "mountiso_rate",
  scope: "grant",
  windowSeconds,
  max,
  rule: "/tools/MountIso/limits/0",
});
const nowMs = 1_800_000_000_000 - (1_800_000_000_000 % 60_000) + 1_000;

describe("RedisRateLimiter", () => {
  it("lets exactly 30 of 1,000 concurrent reservations through", async () => {
    // Separate limiter instances share nothing in memory: like 4 gateway replicas.
    const replicas = Array.from({ length: 4 }, () => new RedisRateLimiter(redis));
    const check = limit(30);
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => replicas[i % replicas.length]?.reserve([check], nowMs)),
    );
    expect(results.filter((result) => result?.ok).length).toBe(30);
    const denied = results.find((result) => result !== undefined && !result.ok);
    expect(denied?.ok === false && denied.retryAfterSeconds).toBe(59);
  });

  it("sets the counter to expire with its window", async () => {
    const limiter = new RedisRateLimiter(redis);
    const check = limit(5, 3600);
    await limiter.reserve([check], nowMs);
    const windowStart = Math.floor(nowMs / 1000 / 3600) * 3600;
    const ttl = await redis.ttl(`${check.key}:${windowStart}`);
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("increments none of a call's counters when one is full, and refunds what a failed call took", async () => {
    const limiter = new RedisRateLimiter(redis);
    const wide = limit(10);
    const narrow = limit(1);
    const first = await limiter.reserve([wide, narrow], nowMs);
    expect(first.ok).toBe(true);
    const second = await limiter.reserve([wide, narrow], nowMs);
    expect(second.ok === false && second.limit.key).toBe(narrow.key);
    const windowStart = Math.floor(nowMs / 60_000) * 60;
    expect(await redis.get(`${wide.key}:${windowStart}`)).toBe("1");
    if (!first.ok) throw new Error("first call should pass");
    await limiter.refund(first.reservation);
    expect(await redis.get(`${wide.key}:${windowStart}`)).toBe("0");
    expect((await limiter.reserve([wide, narrow], nowMs)).ok).toBe(true);
  });

  it("reloads its script when Redis has forgotten it", async () => {
    const isolated = new Redis(testEnv.redisUrl);
    try {
      const limiter = new RedisRateLimiter(isolated);
      expect((await limiter.reserve([limit(2)], nowMs)).ok).toBe(true);
      await isolated.script("FLUSH");
      expect((await limiter.reserve([limit(2)], nowMs)).ok).toBe(true);
    } finally {
      isolated.disconnect();
    }
  });
});
