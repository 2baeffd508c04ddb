import type { CallLogRecord } from "@toolgate/db";

/** Where the gateway sends one record per authenticated request; `write` never blocks the request. */
export interface CallLogSink {
  write(record: CallLogRecord): void;
  /** Flushes what is buffered and releases resources. */
  close(): Promise<void>;
}
