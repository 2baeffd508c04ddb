import type { Db } from "@toolgate/db";
import { type Job, Worker } from "bullmq";
import type { Logger } from "pino";
import { CALL_LOG_QUEUE, callLogBackoff, parseCallLogJob } from "./call-log-job";
import { writeCallLogBatch } from "./write-call-log-batch";

/** Starts the worker that writes queued call-log batches to Postgres and marks their grants as used. */
export function startCallLogWorker(options: {
  redisUrl: string;
  db: Db;
  logger: Logger;
  concurrency?: number;
  queueName?: string;
}): Worker {
  const { db, logger } = options;
  const worker = new Worker(
    options.queueName ?? CALL_LOG_QUEUE,
    async (job: Job) => {
      const { records, invalid } = parseCallLogJob(job.data);
      return writeCallLogBatch(db, logger, records, invalid);
    },
    {
      connection: { url: options.redisUrl, maxRetriesPerRequest: null },
      concurrency: options.concurrency ?? 4,
      settings: { backoffStrategy: callLogBackoff },
    },
  );
  worker.on("failed", (job, error) => {
    const attempts = job?.attemptsMade ?? 0;
    if (job !== undefined && attempts >= (job.opts.attempts ?? 1)) {
      // Kept in the queue's failed set (counted on /healthz) for an operator to retry; not lost.
      logger.error(
        { err: error, jobId: job.id, attempts },
        "call-log batch failed every retry; kept as failed",
      );
      return;
    }
    logger.warn({ err: error, jobId: job?.id, attempts }, "call-log batch failed; will retry");
  });
  return worker;
}
