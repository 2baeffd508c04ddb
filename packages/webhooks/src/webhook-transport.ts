import { createPostgresBackend, type Job, type JobsOptions, Queue, Worker } from "bullmq";
import { Cluster } from "ioredis";

/**
 * Where the webhook queue lives, as for the call-log queue: Redis, or Postgres through BullMQ's
 * Postgres backend (single-node mode, no Redis; schema `bullmq` in the installation's database).
 */
export type WebhookTransport =
  | { kind: "redis"; url: string }
  | { kind: "redis-cluster"; nodes: { host: string; port: number }[] }
  | { kind: "postgres"; databaseUrl: string };

type RedisTransport = Exclude<WebhookTransport, { kind: "postgres" }>;

// As the gateway's call-log queue: BullMQ opens its own connection from a URL; a cluster is handed over
// as a Cluster, which BullMQ does not close, so `release` does. On a cluster the queue's keys share a
// hash tag (one slot), the same "tg:{<queue>}" prefix the call-log queue uses.
function redisConnection(transport: RedisTransport, blocking: boolean) {
  const perNode = blocking ? { maxRetriesPerRequest: null } : {};
  if (transport.kind === "redis") {
    return { connection: { url: transport.url, ...perNode }, release: () => {} };
  }
  const cluster = new Cluster(transport.nodes, { redisOptions: perNode });
  return { connection: cluster, release: () => cluster.disconnect() };
}

function prefixOf(transport: RedisTransport, name: string): string | undefined {
  return transport.kind === "redis-cluster" ? `tg:{${name}}` : undefined;
}

function postgresConnection(databaseUrl: string, role: string) {
  return { connectionString: databaseUrl, max: 2, migrate: true, application_name: `toolgate-${role}` };
}

/** What publishers and the fan-out need of the queue (the same on either backend). */
export type WebhookQueue = {
  add(name: string, data: unknown, options: JobsOptions): Promise<unknown>;
  addBulk(jobs: { name: string; data: unknown; opts?: JobsOptions }[]): Promise<unknown>;
  close(): Promise<void>;
};

/** What callers need of a worker. */
export type WebhookJobWorker = {
  on(event: "failed", listener: (job: Job | undefined, error: Error) => void): void;
  close(): Promise<void>;
};

/** A producer handle on the webhook queue. */
export function openWebhookQueue(transport: WebhookTransport, name: string): WebhookQueue {
  if (transport.kind !== "postgres") {
    const { connection, release } = redisConnection(transport, false);
    const queue = new Queue(name, { connection, prefix: prefixOf(transport, name) });
    return {
      add: (jobName, data, options) => queue.add(jobName, data, options),
      addBulk: (jobs) => queue.addBulk(jobs),
      close: async () => {
        await queue.close();
        release();
      },
    };
  }
  return new Queue(
    name,
    { connection: postgresConnection(transport.databaseUrl, "webhook-queue") },
    createPostgresBackend,
  );
}

/** A worker on the webhook queue. */
export function openWebhookWorker(
  transport: WebhookTransport,
  name: string,
  processor: (job: Job) => Promise<void>,
  concurrency: number,
): WebhookJobWorker {
  if (transport.kind !== "postgres") {
    const { connection, release } = redisConnection(transport, true);
    const worker = new Worker(name, processor, {
      concurrency,
      connection,
      prefix: prefixOf(transport, name),
    });
    return {
      on: (event, listener) => void worker.on(event, listener),
      close: async () => {
        await worker.close();
        release();
      },
    };
  }
  const connection = postgresConnection(transport.databaseUrl, "webhook-worker");
  const worker = new Worker(name, processor, { concurrency, connection }, createPostgresBackend);
  return { on: (event, listener) => void worker.on(event, listener), close: () => worker.close() };
}
