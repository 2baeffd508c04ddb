import {
  createPostgresBackend,
  type Job,
  type JobsOptions,
  type PostgresPoolConfig,
  Queue,
  Worker,
} from "bullmq";

/**
 * Where the call-log queue lives: Redis (shared by several gateways) or Postgres through BullMQ's
 * Postgres backend (single-node mode: no Redis; the queue's tables sit in the installation's own
 * database, schema `bullmq`, created on first use).
 */
export type QueueTransport = { kind: "redis"; url: string } | { kind: "postgres"; databaseUrl: string };

/** What a producer needs of a queue. */
export type JobQueue<Data> = {
  add(name: string, data: Data, options: JobsOptions): Promise<unknown>;
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

export function openQueue<Data>(transport: QueueTransport, name: string): JobQueue<Data> {
  if (transport.kind === "redis") return new Queue(name, { connection: { url: transport.url } });
  const connection = postgresConnection(transport.databaseUrl, "call-log-queue");
  return new Queue(name, { connection }, createPostgresBackend);
}

export function openWorker(
  transport: QueueTransport,
  name: string,
  processor: JobProcessor,
  options: { concurrency: number },
): JobWorker {
  if (transport.kind === "redis") {
    const worker = new Worker(name, processor, {
      ...options,
      connection: { url: transport.url, maxRetriesPerRequest: null },
    });
    return { on: (event, listener) => void worker.on(event, listener), close: () => worker.close() };
  }
  const connection = postgresConnection(transport.databaseUrl, "call-log-worker");
  const worker = new Worker(name, processor, { ...options, connection }, createPostgresBackend);
  return { on: (event, listener) => void worker.on(event, listener), close: () => worker.close() };
}
