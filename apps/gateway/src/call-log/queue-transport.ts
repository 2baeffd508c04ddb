import {
  type BackoffStrategy,
  createPostgresBackend,
  type Job,
  type JobsOptions,
  type JobType,
  type PostgresPoolConfig,
  Queue,
  Worker,
} from "bullmq";
import { Cluster } from "ioredis";
import { queuePrefixOf, type RedisTarget } from "../runtime/redis-target";

/**
 * Where the call-log queue lives: Redis (shared by several gateways) or Postgres through BullMQ's
 * Postgres backend (single-node mode: no Redis; the queue's tables sit in the installation's own
 * database, schema `bullmq`, created on first use).
 */
export type QueueTransport = RedisTarget | { kind: "postgres"; databaseUrl: string };

/** What a producer needs of a queue. */
export type JobQueue<Data> = {
  add(name: string, data: Data, options: JobsOptions): Promise<unknown>;
  /** Jobs that failed every attempt and are kept (call logs: counted on /healthz). */
  getFailedCount(): Promise<number>;
  close(): Promise<void>;
  /** Depth and oldest waiting job, read by metrics at scrape time. */
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
  getWaiting(start?: number, end?: number): Promise<{ timestamp: number }[]>;
};

/** What callers need of a worker: its failures, and closing it. */
export type JobWorker = {
  on(event: "failed", listener: (job: Job | undefined, error: Error) => void): void;
  close(): Promise<void>;
};

export type JobProcessor = (job: Job) => Promise<void>;

export function redisTransport(url: string): QueueTransport {
  return { kind: "redis", url };
}

function postgresConnection(databaseUrl: string, role: string): PostgresPoolConfig {
  return { connectionString: databaseUrl, max: 4, migrate: true, application_name: `toolgate-${role}` };
}

// BullMQ opens its own connection from a URL; a cluster is handed over as a Cluster, which BullMQ
// does not close, so `release` does.
function redisConnection(target: RedisTarget, blocking: boolean) {
  const perNode = blocking ? { maxRetriesPerRequest: null } : {};
  if (target.kind === "redis") return { connection: { url: target.url, ...perNode }, release: () => {} };
  const cluster = new Cluster(target.nodes, { redisOptions: perNode });
  return { connection: cluster, release: () => cluster.disconnect() };
}

export function openQueue<Data>(transport: QueueTransport, name: string): JobQueue<Data> {
  if (transport.kind !== "postgres") {
    const { connection, release } = redisConnection(transport, false);
    const queue = new Queue(name, { connection, prefix: queuePrefixOf(transport, name) });
    return {
      add: (jobName, data, options) => queue.add(jobName, data, options),
      getFailedCount: () => queue.getFailedCount(),
      getJobCounts: (...states) => queue.getJobCounts(...(states as JobType[])),
      getWaiting: (start, end) => queue.getWaiting(start, end),
      close: async () => {
        await queue.close();
        release();
      },
    };
  }
  const connection = postgresConnection(transport.databaseUrl, "call-log-queue");
  return new Queue(name, { connection }, createPostgresBackend);
}

export function openWorker(
  transport: QueueTransport,
  name: string,
  processor: JobProcessor,
  options: { concurrency: number; backoffStrategy?: BackoffStrategy },
): JobWorker {
  const settings = {
    concurrency: options.concurrency,
    ...(options.backoffStrategy === undefined
      ? {}
      : { settings: { backoffStrategy: options.backoffStrategy } }),
  };
  if (transport.kind !== "postgres") {
    const { connection, release } = redisConnection(transport, true);
    const worker = new Worker(name, processor, {
      ...settings,
      connection,
      prefix: queuePrefixOf(transport, name),
    });
    return {
      on: (event, listener) => void worker.on(event, listener),
      close: async () => {
        await worker.close();
        release();
      },
    };
  }
  const connection = postgresConnection(transport.databaseUrl, "call-log-worker");
  const worker = new Worker(name, processor, { ...settings, connection }, createPostgresBackend);
  return { on: (event, listener) => void worker.on(event, listener), close: () => worker.close() };
}
