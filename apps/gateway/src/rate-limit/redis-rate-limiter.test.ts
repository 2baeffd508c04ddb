import { randomUUID } from "node:crypto";
import type { LimitCheck } from "@toolgate/policy-core";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { startPrivateRedis } from "../../test/support/private-redis";
import { testEnv } from "../../test/support/test-env";
import { LimitsUnavailableError } from "./limits-unavailable-error";
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
    // Exactness, not speed: a generous timeout, the machine may be busy.
    const replicas = Array.from({ length: 4 }, () => new RedisRateLimiter(redis, { timeoutMs: 10_000 }));
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

  it("gives back what a check reserved after its call was refused for timing out (Redis paused)", async () => {
    // A Redis of its own: pausing the shared one would stall everything else using it.
    const paused = await startPrivateRedis();
    const connection = new Redis(paused.url);
    const admin = new Redis(paused.url);
    try {
      const limiter = new RedisRateLimiter(connection, { timeoutMs: 100 });
      const check = limit(1);
      const counter = `${check.key}:${Math.floor(nowMs / 60_000) * 60}`;
      await limiter.reserve([limit(5)], nowMs); // scripts loaded, connection warm
      // Clients' commands wait 600 ms; the check times out after 100 ms and the call is refused,
      // but the script is already queued on the connection and runs when Redis resumes.
      await admin.client("PAUSE", 600, "ALL");
      await expect(limiter.reserve([check], nowMs)).rejects.toBeInstanceOf(LimitsUnavailableError);
      // It did run and reserve; the late answer gives it back.
      await expect.poll(async () => admin.get(counter), { timeout: 5_000 }).toBe("0");
      // So the one call this window allows is still there.
      const fresh = new RedisRateLimiter(connection);
      expect((await fresh.reserve([check], nowMs)).ok).toBe(true);
      // A timed-out check that found the counter full took nothing, and gives nothing back.
      await admin.client("PAUSE", 600, "ALL");
      await expect(limiter.reserve([check], nowMs)).rejects.toBeInstanceOf(LimitsUnavailableError);
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(await admin.get(counter)).toBe("1");
    } finally {
      connection.disconnect();
      admin.disconnect();
      await paused.stop();
    }
  });
});
