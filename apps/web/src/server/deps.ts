import { createDb, type Db } from "@toolgate/db";
import { parseSecretKey } from "@toolgate/secrets";
import { WebhookPublisher } from "@toolgate/webhooks";
import { Redis } from "ioredis";
import { getEnv } from "../env";
import type { LoginRateLimiter } from "./accounts/login-rate-limit";
import { RedisLoginRateLimiter } from "./accounts/redis-login-rate-limiter";
import { installEventPublisher } from "./webhooks/publish-event";

/** What services need from the outside world; built once per process at the edge. */
export type Deps = {
  db: Db;
  secretKey: Buffer;
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
    const webhooks = new WebhookPublisher({
      connection: { url: env.REDIS_URL },
      logger: console,
      queueName: env.TOOLGATE_WEBHOOK_QUEUE,
    });
    installEventPublisher(webhooks);
    holder.toolgateWebDeps = {
      db: createDb(env.DATABASE_URL),
      secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
      allowPrivateUpstreams: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
      gatewayUrl: env.TOOLGATE_GATEWAY_URL,
      // One retry, then fail: a login waiting on a dead Redis is refused within a few seconds.
      loginRateLimiter: new RedisLoginRateLimiter(
        new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true }),
      ),
      webhooks,
    };
  }
  return holder.toolgateWebDeps;
}
