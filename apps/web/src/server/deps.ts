import { createDb, type Db, installationNamespace } from "@toolgate/db";
import { parseSecretKeys, type SecretKeyInput } from "@toolgate/secrets";
import { WebhookPublisher, type WebhookTransport } from "@toolgate/webhooks";
import { Redis } from "ioredis";
import { getEnv } from "../env";
import type { LoginRateLimiter } from "./accounts/login-rate-limit";
import { MemoryLoginRateLimiter } from "./accounts/memory-login-rate-limiter";
import { RedisLoginRateLimiter } from "./accounts/redis-login-rate-limiter";
import { installEventPublisher } from "./webhooks/publish-event";

/** What services need from the outside world; built once per process at the edge. */
export type Deps = {
  db: Db;
  secretKey: SecretKeyInput;
  allowPrivateUpstreams: boolean;
  gatewayUrl: string;
  loginRateLimiter: LoginRateLimiter;
  /** Webhook events and deliveries go through this BullMQ queue; the gateway's worker sends them. */
  webhooks: WebhookPublisher;
};

// Kept on globalThis so dev-mode module reloads reuse one connection pool.
const holder = globalThis as typeof globalThis & { toolgateWebDeps?: Deps };

/** The process-wide dependencies, created on first use from the parsed environment. */
export function getDeps(): Deps {
  if (holder.toolgateWebDeps === undefined) {
    const env = getEnv();
    // The same queue as the gateway's webhook worker: on Redis, or in Postgres without Redis.
    const webhooks = new WebhookPublisher({
      transport: webhookTransport(env),
      logger: console,
      queueName:
        env.TOOLGATE_WEBHOOK_QUEUE ??
        `webhooks-${installationNamespace(env.DATABASE_URL, env.TOOLGATE_NAMESPACE)}`,
    });
    installEventPublisher(webhooks);
    holder.toolgateWebDeps = {
      db: createDb(env.DATABASE_URL),
      secretKey: parseSecretKeys(env.TOOLGATE_SECRET_KEY),
      allowPrivateUpstreams: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
      gatewayUrl: env.TOOLGATE_GATEWAY_URL,
      loginRateLimiter: loginRateLimiter(env),
      webhooks,
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

/** The gateway's webhook transport: its Redis Cluster, its Redis, or Postgres in single-node mode. */
function webhookTransport(env: ReturnType<typeof getEnv>): WebhookTransport {
  if (env.REDIS_CLUSTER_NODES !== undefined) return { kind: "redis-cluster", nodes: env.REDIS_CLUSTER_NODES };
  if (env.REDIS_URL !== undefined) return { kind: "redis", url: env.REDIS_URL };
  return { kind: "postgres", databaseUrl: env.DATABASE_URL };
}
