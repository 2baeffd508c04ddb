import { createPostgresBackend, type Job, type JobsOptions, Queue, Worker } from "bullmq";

/**
 * Where the webhook queue lives, as for the call-log queue: Redis, or Postgres through BullMQ's
 * Postgres backend (single-node mode, no Redis; schema `bullmq` in the installation's database).
 */
export type WebhookTransport = { kind: "redis"; url: string } | { kind: "postgres"; databaseUrl: string };

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
  if (transport.kind === "redis") return new Queue(name, { connection: { url: transport.url } });
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
  if (transport.kind === "redis") {
    const worker = new Worker(name, processor, {
      concurrency,
      connection: { url: transport.url, maxRetriesPerRequest: null },
    });
    return { on: (event, listener) => void worker.on(event, listener), close: () => worker.close() };
  }
  const connection = postgresConnection(transport.databaseUrl, "webhook-worker");
  const worker = new Worker(name, processor, { concurrency, connection }, createPostgresBackend);
  return { on: (event, listener) => void worker.on(event, listener), close: () => worker.close() };
}
