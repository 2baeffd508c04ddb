import { type Db, insertCallLogs, touchGrantsLastUsed } from "@toolgate/db";
import type { Job } from "bullmq";
import type { Logger } from "pino";
import { callLogTransport } from "./bullmq-call-log-sink";
import { CALL_LOG_QUEUE, parseCallLogJob } from "./call-log-job";
import { type JobWorker, openWorker, type QueueTransport } from "./queue-transport";

/** Starts the worker that writes queued call-log batches to Postgres and marks their grants as used. */
export function startCallLogWorker(options: {
  /** The queue on Redis at this URL, or on the given transport (single-node mode: Postgres). */
  redisUrl?: string;
  transport?: QueueTransport;
  db: Db;
  logger: Logger;
  concurrency?: number;
  queueName?: string;
}): JobWorker {
  const { db, logger } = options;
  const worker = openWorker(
    callLogTransport(options),
    options.queueName ?? CALL_LOG_QUEUE,
    async (job: Job) => {
      const records = parseCallLogJob(job.data);
      if (records.length === 0) return;
      // skipDuplicates makes a retried batch idempotent.
      await insertCallLogs(db, records);
      const lastUse = new Map<string, number>();
      for (const record of records) {
        lastUse.set(record.grantId, Math.max(lastUse.get(record.grantId) ?? 0, record.createdAt.getTime()));
      }
      const latest = Math.max(...lastUse.values());
      await touchGrantsLastUsed(db, [...lastUse.keys()], new Date(latest));
    },
    { concurrency: options.concurrency ?? 4 },
  );
  worker.on("failed", (job, error) => {
    logger.warn(
      { err: error, jobId: job?.id, attempts: job?.attemptsMade },
      "call-log batch failed; will retry",
    );
  });
  return worker;
}
