import { Cluster, type ClusterOptions, Redis, type RedisOptions } from "ioredis";

export type RedisNode = { host: string; port: number };

/** Where the shared state lives: one Redis (a URL) or a Redis Cluster (some of its nodes). */
export type RedisTarget = { kind: "redis"; url: string } | { kind: "redis-cluster"; nodes: RedisNode[] };

/** A connection to either kind; both run the same commands (a cluster routes each by its keys' slot). */
export type RedisConnection = Redis | Cluster;

export function redisTargetOf(env: {
  REDIS_URL?: string | undefined;
  REDIS_CLUSTER_NODES?: RedisNode[] | undefined;
}): RedisTarget | undefined {
  if (env.REDIS_CLUSTER_NODES !== undefined) return { kind: "redis-cluster", nodes: env.REDIS_CLUSTER_NODES };
  if (env.REDIS_URL !== undefined) return { kind: "redis", url: env.REDIS_URL };
  return undefined;
}

/**
 * Opens a connection to the target. On a cluster the per-node options go to every node, the
 * cluster follows MOVED/ASK redirections and refreshes its slot map after a failover.
 */
export function connectRedis(
  target: RedisTarget,
  options: RedisOptions,
  clusterOptions: Omit<ClusterOptions, "redisOptions" | "keyPrefix" | "enableOfflineQueue"> = {},
): RedisConnection {
  if (target.kind === "redis") return new Redis(target.url, options);
  const { keyPrefix, enableOfflineQueue, ...perNode } = options;
  return new Cluster(target.nodes, {
    ...clusterOptions,
    keyPrefix,
    enableOfflineQueue,
    redisOptions: perNode,
  });
}

/**
 * BullMQ's key prefix for a queue on this target. A cluster needs a hash tag: a queue's Lua scripts
 * use all its keys together, so they must share a slot ("tg:{<queue>}:<queue>:wait", …).
 */
export function queuePrefixOf(target: RedisTarget, queueName: string): string | undefined {
  return target.kind === "redis-cluster" ? `tg:{${queueName}}` : undefined;
}
