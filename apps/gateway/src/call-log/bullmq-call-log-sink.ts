import type { CallLogRecord } from "@toolgate/db";
import type { Logger } from "pino";
import { CALL_LOG_QUEUE, CALL_LOG_RETRY, type CallLogJob } from "./call-log-job";
import type { CallLogHealth, CallLogQueueStats, CallLogSink } from "./call-log-sink";
import { type JobQueue, openQueue, type QueueTransport, redisTransport } from "./queue-transport";

export type BullmqCallLogSinkOptions = {
  /** The queue on Redis at this URL… */
  redisUrl?: string;
  /** …or on the given transport (single-node mode: Postgres). */
  transport?: QueueTransport;
  logger: Logger;
  /** Defaults to the shared "call-logs" queue; tests use their own. */
  queueName?: string;
  flushIntervalMs?: number;
  maxBatch?: number;
};

/**
 * Buffers records in memory and enqueues them as one BullMQ job per batch (every flushIntervalMs or maxBatch
 * records; the gateway uses TOOLGATE_CALL_LOG_FLUSH_MS, 200 ms, and 1,000).
 * Jobs retry with capped exponential backoff for hours, so a Postgres outage loses nothing; a batch that
 * fails every retry stays in the queue's failed set.
 */
export class BullmqCallLogSink implements CallLogSink {
  private readonly queue: JobQueue<CallLogJob>;
  private readonly logger: Logger;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private buffer: CallLogRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  /** Records lost because Redis refused them (counted on /healthz). */
  private unqueued = 0;

  constructor(options: BullmqCallLogSinkOptions) {
    this.queue = openQueue(callLogTransport(options), options.queueName ?? CALL_LOG_QUEUE);
    this.logger = options.logger;
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxBatch = options.maxBatch ?? 200;
  }

  write(record: CallLogRecord): void {
    this.buffer.push(record);
    if (this.buffer.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushIntervalMs);
  }

  async health(): Promise<CallLogHealth> {
    const failedBatches = await this.queue.getFailedCount();
    return { unqueued: this.unqueued, failedBatches };
  }

  async queueStats(): Promise<CallLogQueueStats> {
    const [counts, oldest] = await Promise.all([
      this.queue.getJobCounts("waiting", "active", "delayed", "failed"),
      this.queue.getWaiting(0, 0),
    ]);
    const first = oldest[0];
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      oldestWaitingMs: first === undefined ? 0 : Math.max(0, Date.now() - first.timestamp),
    };
  }

  async close(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.pending]);
    await this.queue.close();
  }

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const records = this.buffer;
    this.buffer = [];
    const added = this.queue
      .add(
        "batch",
        { records },
        {
          attempts: CALL_LOG_RETRY.attempts,
          backoff: { type: "custom" },
          removeOnComplete: true,
          removeOnFail: false,
        },
      )
      .catch((error: unknown) => {
        this.unqueued += records.length;
        this.logger.error({ err: error, records: records.length }, "could not enqueue call logs");
      });
    this.pending.add(added);
    void added.finally(() => this.pending.delete(added));
  }
}

/** The transport named by the options: an explicit one, else Redis at redisUrl. */
export function callLogTransport(options: { redisUrl?: string; transport?: QueueTransport }): QueueTransport {
  if (options.transport !== undefined) return options.transport;
  if (options.redisUrl !== undefined) return redisTransport(options.redisUrl);
  throw new Error("The call-log queue needs a redisUrl or a transport.");
}
