import type { Db } from "@toolgate/db";
import { AppError } from "../app-error";
import { type AuthenticatedUser, authenticate, type Credentials } from "./authenticate";
import { type LoginRateLimiter, loginAttemptKey, loginRateLimitPolicy } from "./login-rate-limit";

/**
 * Checks a login attempt: counts it against the email+IP budget first (so a guesser is slowed
 * whether or not the password is right), then verifies the password.
 */
export async function logIn(
  deps: { db: Db; loginRateLimiter: LoginRateLimiter },
  credentials: Credentials,
  ip: string,
): Promise<AuthenticatedUser | null> {
  const attempt = await deps.loginRateLimiter.hit(
    loginAttemptKey(credentials.email, ip),
    loginRateLimitPolicy,
  );
  if (!attempt.allowed) {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    throw new AppError(
      "rate_limited",
      `Too many login attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
  return authenticate(deps.db, credentials);
}
