import { installationNamespace } from "@toolgate/db";
import type { Logger } from "pino";
import type { QueueTransport } from "../call-log/queue-transport";
import type { Env } from "../env";
import { createLimiterRedis } from "../rate-limit/create-limiter-redis";
import { MemoryRateLimiter } from "../rate-limit/memory-rate-limiter";
import type { RateLimiter } from "../rate-limit/rate-limiter";
import { type LimiterObserver, RedisRateLimiter } from "../rate-limit/redis-rate-limiter";
import { redisTargetOf } from "./redis-target";

/**
 * "redis": limits and the call-log queue on Redis (one, or a Redis Cluster), shared by any number of gateways.
 * "single-node": no Redis; limits counted in this process (exact, but only for one gateway) and the
 * call-log queue kept in Postgres by BullMQ's Postgres backend.
 */
export type RuntimeMode = "redis" | "single-node";

export type CallLogQueue = { transport: QueueTransport; queueName: string; close(): Promise<void> };

export type Limits = { rateLimiter: RateLimiter; close(): void };

export function runtimeMode(env: Pick<Env, "REDIS_URL" | "REDIS_CLUSTER_NODES">): RuntimeMode {
  return redisTargetOf(env) === undefined ? "single-node" : "redis";
}

function namespace(env: Env): string {
  return installationNamespace(env.DATABASE_URL, env.TOOLGATE_NAMESPACE);
}

/** The call-log queue of this installation: its own name on Redis, or its own database in single-node mode. */
export function openCallLogQueue(env: Env): CallLogQueue {
  const queueName = env.TOOLGATE_CALL_LOG_QUEUE ?? `call-logs-${namespace(env)}`;
  const redis = redisTargetOf(env);
  if (redis !== undefined) return { transport: redis, queueName, close: async () => {} };
  return { transport: { kind: "postgres", databaseUrl: env.DATABASE_URL }, queueName, close: async () => {} };
}

/** The rate limiter of this mode; Redis keys carry the installation's namespace. */
export async function openLimits(env: Env, logger: Logger, observer?: LimiterObserver): Promise<Limits> {
  const target = redisTargetOf(env);
  if (target === undefined) return { rateLimiter: new MemoryRateLimiter(), close: () => {} };
  const timeoutMs = env.TOOLGATE_LIMITER_TIMEOUT_MS;
  const redis = await createLimiterRedis(target, logger, {
    keyPrefix: `${namespace(env)}:`,
    // Calls fail closed after timeoutMs; the connection waits longer, for late answers to give back.
    commandTimeoutMs: Math.max(30_000, 2 * timeoutMs),
  });
  return {
    rateLimiter: new RedisRateLimiter(redis, { logger, observer, timeoutMs }),
    close: () => redis.disconnect(),
  };
}
