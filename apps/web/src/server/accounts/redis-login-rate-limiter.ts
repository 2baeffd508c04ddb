import type { Redis } from "ioredis";
import { AppError } from "../app-error";
import type { LoginAttempt, LoginRateLimiter, LoginRateLimitPolicy } from "./login-rate-limit";

// Fixed window: INCR, set the expiry on the first hit, and return the count with the time left.
const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
return {count, ttl}`;

/** Login attempts counted in Redis, shared by every dashboard replica. */
export class RedisLoginRateLimiter implements LoginRateLimiter {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, policy: LoginRateLimitPolicy): Promise<LoginAttempt> {
    let reply: unknown;
    try {
      reply = await this.redis.eval(hitScript, 1, key, policy.windowSeconds);
    } catch (error) {
      // Fail closed: without the counter, unlimited password guessing would be possible.
      throw new AppError("unavailable", "Logging in is unavailable for a moment. Try again shortly.", {
        cause: error,
      });
    }
    const [count, ttl] = Array.isArray(reply) ? reply.map(Number) : [Number.NaN, Number.NaN];
    if (count === undefined || ttl === undefined || Number.isNaN(count)) {
      throw new AppError("unavailable", "Logging in is unavailable for a moment. Try again shortly.", {
        cause: new Error(`Unexpected Redis reply ${JSON.stringify(reply)}`),
      });
    }
    return { allowed: count <= policy.max, retryAfterSeconds: Math.max(ttl, 1) };
  }
}
