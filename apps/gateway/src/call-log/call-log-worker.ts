import type { Db } from "@toolgate/db";
import type { Job } from "bullmq";
import type { Logger } from "pino";
import { callLogTransport } from "./bullmq-call-log-sink";
import { CALL_LOG_QUEUE, callLogBackoff, parseCallLogJob } from "./call-log-job";
import { type JobWorker, openWorker, type QueueTransport } from "./queue-transport";
import { writeCallLogBatch } from "./write-call-log-batch";

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
      const { records, invalid } = parseCallLogJob(job.data);
      await writeCallLogBatch(db, logger, records, invalid);
    },
    { concurrency: options.concurrency ?? 4, backoffStrategy: callLogBackoff },
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
