import type { LoginAttempt, LoginRateLimiter, LoginRateLimitPolicy } from "./login-rate-limit";

/** Login attempts counted in this process (single-replica setups and unit tests). */
export class MemoryLoginRateLimiter implements LoginRateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, policy: LoginRateLimitPolicy): Promise<LoginAttempt> {
    const now = this.now();
    const current = this.windows.get(key);
    const window =
      current === undefined || current.resetAt <= now
        ? { count: 0, resetAt: now + policy.windowSeconds * 1000 }
        : current;
    window.count += 1;
    this.windows.set(key, window);
    return {
      allowed: window.count <= policy.max,
      retryAfterSeconds: Math.ceil((window.resetAt - now) / 1000),
    };
  }
}
