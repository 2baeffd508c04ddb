import type { CallLogRecord } from "@toolgate/db";

/** The queue behind a sink, as metrics see it. */
export type CallLogQueueStats = {
  waiting: number;
  active: number;
  delayed: number;
  /** Batches that used up their retries. */
  failed: number;
  /** Age of the oldest waiting batch; 0 when none waits. */
  oldestWaitingMs: number;
};
/** What did not reach the call-log table: records Redis refused, batches that failed every retry. */
export type CallLogHealth = { unqueued: number; failedBatches: number };

/** Where the gateway sends one record per authenticated request; `write` never blocks the request. */
export interface CallLogSink {
  write(record: CallLogRecord): void;
  /** Counts of records or batches that did not make it (shown on /healthz). */
  health?(): Promise<CallLogHealth>;
  /** Flushes what is buffered and releases resources. */
  close(): Promise<void>;
  /** Depth and lag of the queue behind the sink, if it has one (metrics). */
  queueStats?(): Promise<CallLogQueueStats>;
}
