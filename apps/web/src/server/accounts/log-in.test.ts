import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { newTenant, testDb } from "../../../test/test-tenant";
import { userMessage } from "../errors";
import { logIn } from "./log-in";
import { loginAttemptKey, loginRateLimitPolicy } from "./login-rate-limit";
import { MemoryLoginRateLimiter } from "./memory-login-rate-limiter";
import { RedisLoginRateLimiter } from "./redis-login-rate-limiter";

const db = testDb();
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

describe("logIn", () => {
  it("refuses the 11th attempt within 15 minutes for one email and IP, even with the right password", async () => {
    const account = await newTenant(db, "limit");
    const deps = { db, loginRateLimiter: new MemoryLoginRateLimiter() };
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(
        await logIn(deps, { email: account.email, password: "wrong-password" }, "203.0.113.7"),
      ).toBeNull();
    }
    const refused = await logIn(
      deps,
      { email: account.email, password: account.password },
      "203.0.113.7",
    ).catch((error: unknown) => error);
    expect(userMessage(refused)).toMatch(/^Too many login attempts\. Try again in 15 minutes\.$/);
    // Another address is counted separately.
    expect((await logIn(deps, account, "203.0.113.8"))?.userId).toBe(account.userId);
  });
});

describe("RedisLoginRateLimiter", () => {
  it("lets exactly `max` of many concurrent attempts through (one atomic script per attempt)", async () => {
    const limiter = new RedisLoginRateLimiter(redis);
    const key = loginAttemptKey(`race-${randomUUID()}@example.test`, "198.51.100.1");
    const results = await Promise.all(
      Array.from({ length: 40 }, () => limiter.hit(key, loginRateLimitPolicy)),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(loginRateLimitPolicy.max);
    expect(await redis.ttl(key)).toBeGreaterThan(14 * 60);
    expect(key).not.toContain("example.test");
  });

  it("refuses logins with a clear message when Redis cannot be reached", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    const limiter = new RedisLoginRateLimiter(dead);
    const failure = await limiter.hit("tg:login:x", loginRateLimitPolicy).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "unavailable" });
    expect(userMessage(failure)).toBe("Logging in is unavailable for a moment. Try again shortly.");
    dead.disconnect();
  });
});
