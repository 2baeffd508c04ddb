import { countCallLogDeadLetters, type Db } from "@toolgate/db";
import type { CallLogSink } from "./call-log-sink";

/** What /healthz says about call logs: records dead-lettered, refused by Redis, batches that failed every retry. */
export type CallLogHealthReport = { deadLettered: number; unqueued: number; failedBatches: number };

const FRESH_MS = 5_000;
const READ_TIMEOUT_MS = 1_000;

/** Reads the call-log counts for /healthz at most every 5 s; while they cannot be read, the last ones stand. */
export class CallLogHealthReader {
  private last: CallLogHealthReport | null = null;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly sink: CallLogSink,
  ) {}

  async read(): Promise<CallLogHealthReport | null> {
    if (performance.now() - this.readAt > FRESH_MS) {
      this.reading ??= this.refresh().finally(() => {
        this.reading = undefined;
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, READ_TIMEOUT_MS);
      });
      await Promise.race([this.reading, timeout]);
      clearTimeout(timer);
    }
    return this.last;
  }

  private async refresh(): Promise<void> {
    try {
      const [deadLettered, sink] = await Promise.all([
        countCallLogDeadLetters(this.db),
        this.sink.health?.() ?? { unqueued: 0, failedBatches: 0 },
      ]);
      this.last = { deadLettered, ...sink };
      this.readAt = performance.now();
    } catch {
      // Postgres or Redis away: /healthz already says so; the last counts stand until they can be read.
    }
  }
}
