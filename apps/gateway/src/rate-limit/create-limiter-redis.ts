import { once } from "node:events";
import type { Logger } from "pino";
import { connectRedis, type RedisConnection, type RedisTarget } from "../runtime/redis-target";

export type LimiterRedisOptions = {
  /**
   * Abandons a command not answered in this long (default 30 s). The limiter fails a call closed much
   * sooner (its own timeout) but keeps listening this long, to give back what a late answer reserved.
   */
  commandTimeoutMs?: number;
  /** How long startup waits for a first connection before serving degraded. */
  connectWaitMs?: number;
  /** Prefixed to every key: keeps installations that share a Redis apart. */
  keyPrefix?: string;
};

/**
 * A Redis connection for rate limits that never queues or retries a command: while Redis is away a
 * limited call must get an answer at once, not wait for a reconnect. Reconnects in the background.
 * A URL (string) means one Redis, for callers that have no target.
 */
export async function createLimiterRedis(
  target: RedisTarget | string,
  logger: Logger,
  options: LimiterRedisOptions = {},
): Promise<RedisConnection> {
  const redis = connectRedis(
    typeof target === "string" ? { kind: "redis", url: target } : target,
    {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 30_000,
      keyPrefix: options.keyPrefix,
      // Reconnect quickly and keep trying: recovery needs no restart.
      retryStrategy: (attempt) => Math.min(attempt * 50, 1_000),
    },
    // A cluster: after a failover, find the new master quickly and keep trying while slots move.
    { clusterRetryStrategy: (attempt) => Math.min(attempt * 50, 1_000), retryDelayOnFailover: 50 },
  );
  // Each failed reconnect emits one; the limiter's circuit logs the outage itself once, at warn.
  redis.on("error", (error) => logger.debug({ err: error }, "limiter redis connection error"));
  const timeout = AbortSignal.timeout(options.connectWaitMs ?? 2_000);
  await once(redis, "ready", { signal: timeout }).catch(() => undefined);
  return redis;
}
