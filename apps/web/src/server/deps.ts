import { createDb, type Db, installationNamespace } from "@toolgate/db";
import { parseSecretKey } from "@toolgate/secrets";
import { Redis } from "ioredis";
import { getEnv } from "../env";
import type { LoginRateLimiter } from "./accounts/login-rate-limit";
import { MemoryLoginRateLimiter } from "./accounts/memory-login-rate-limiter";
import { RedisLoginRateLimiter } from "./accounts/redis-login-rate-limiter";

/** What services need from the outside world; built once per process at the edge. */
export type Deps = {
  db: Db;
  secretKey: Buffer;
  allowPrivateUpstreams: boolean;
  gatewayUrl: string;
  loginRateLimiter: LoginRateLimiter;
};

// Kept on globalThis so dev-mode module reloads reuse one connection pool.
const holder = globalThis as typeof globalThis & { toolgateWebDeps?: Deps };

/** The process-wide dependencies, created on first use from the parsed environment. */
export function getDeps(): Deps {
  if (holder.toolgateWebDeps === undefined) {
    const env = getEnv();
    holder.toolgateWebDeps = {
      db: createDb(env.DATABASE_URL),
      secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
      allowPrivateUpstreams: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
      gatewayUrl: env.TOOLGATE_GATEWAY_URL,
      loginRateLimiter: loginRateLimiter(env),
    };
  }
  return holder.toolgateWebDeps;
}

/** Redis when REDIS_URL is set (shared by every dashboard replica), else this process's memory. */
function loginRateLimiter(env: ReturnType<typeof getEnv>): LoginRateLimiter {
  if (env.REDIS_URL === undefined) return new MemoryLoginRateLimiter();
  const keyPrefix = `${installationNamespace(env.DATABASE_URL, env.TOOLGATE_NAMESPACE)}:`;
  // One retry, then fail: a login waiting on a dead Redis is refused within a few seconds.
  return new RedisLoginRateLimiter(
    new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true, keyPrefix }),
  );
}
