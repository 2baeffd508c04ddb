import { createHash } from "node:crypto";

/** How many login attempts one email+IP pair gets per window. */
export type LoginRateLimitPolicy = { max: number; windowSeconds: number };

export const loginRateLimitPolicy: LoginRateLimitPolicy = { max: 10, windowSeconds: 15 * 60 };

/** The outcome of counting one attempt. */
export type LoginAttempt = { allowed: boolean; retryAfterSeconds: number };

/** Counts login attempts; one atomic operation per attempt (no read-then-write). */
export interface LoginRateLimiter {
  hit(key: string, policy: LoginRateLimitPolicy): Promise<LoginAttempt>;
}

/** The counter key for an email and client address; hashed so Redis never holds the email. */
export function loginAttemptKey(email: string, ip: string): string {
  const digest = createHash("sha256").update(`${email.trim().toLowerCase()}\n${ip}`).digest("base64url");
  return `tg:login:${digest}`;
}

/** The client address of a request as the proxy in front (or Next itself) reports it. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
