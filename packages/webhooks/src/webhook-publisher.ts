import { randomUUID } from "node:crypto";
import type { WebhookEvent } from "./webhook-event";
import {
  DELIVER_JOB,
  type DeliverJob,
  FANOUT_JOB,
  type FanoutJob,
  type PublishedEvent,
  WEBHOOK_QUEUE,
} from "./webhook-jobs";
import { openWebhookQueue, type WebhookQueue, type WebhookTransport } from "./webhook-transport";

/** The little of a logger the webhook code needs (pino's Logger fits). */
export type WebhookLogger = {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};

export type WebhookPublisherOptions = {
  transport: WebhookTransport;
  logger: WebhookLogger;
  queueName?: string;
  flushIntervalMs?: number;
  maxBatch?: number;
  /** Events held in memory while the queue is unreachable; beyond this, new ones are dropped (counted). */
  maxBuffered?: number;
};

/**
 * Publishes webhook events without ever blocking the caller: `publish` buffers in memory and a timer
 * enqueues one fan-out job per batch. The worker finds the subscribed endpoints and delivers.
 */
export class WebhookPublisher {
  private readonly queue: WebhookQueue;
  private readonly options: Required<Omit<WebhookPublisherOptions, "transport" | "queueName">>;
  private buffer: PublishedEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private droppedEvents = 0;

  constructor(options: WebhookPublisherOptions) {
    this.queue = openWebhookQueue(options.transport, options.queueName ?? WEBHOOK_QUEUE);
    this.options = {
      logger: options.logger,
      flushIntervalMs: options.flushIntervalMs ?? 100,
      maxBatch: options.maxBatch ?? 200,
      maxBuffered: options.maxBuffered ?? 10_000,
    };
  }

  /** Queues an event of a tenant for delivery to its subscribed endpoints; never throws, never waits. */
  publish(tenantId: string, event: WebhookEvent): void {
    if (this.buffer.length >= this.options.maxBuffered) {
      this.droppedEvents += 1;
      return;
    }
    this.buffer.push({ eventId: randomUUID(), tenantId, event });
    if (this.buffer.length >= this.options.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.flushIntervalMs);
  }

  /** Enqueues at once and waits for it (dashboard actions: test events); throws if the queue is down. */
  async publishNow(tenantId: string, event: WebhookEvent, endpointId?: string): Promise<void> {
    const data: FanoutJob = { events: [{ eventId: randomUUID(), tenantId, event, endpointId }] };
    await this.queue.add(FANOUT_JOB, data, FANOUT_OPTIONS);
  }

  /** Sends a stored delivery again (dashboard "redeliver"). */
  async redeliver(tenantId: string, deliveryId: string): Promise<void> {
    const data: DeliverJob = { tenantId, deliveryId };
    await this.queue.add(DELIVER_JOB, data, { ...deliverOptions(), jobId: `${deliveryId}-${randomUUID()}` });
  }

  /** Events dropped because the in-memory buffer was full. */
  dropped(): number {
    return this.droppedEvents;
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
    const events = this.buffer;
    this.buffer = [];
    const data: FanoutJob = { events };
    const added = this.queue.add(FANOUT_JOB, data, FANOUT_OPTIONS).catch((error: unknown) => {
      this.droppedEvents += events.length;
      this.options.logger.error({ err: error, events: events.length }, "could not enqueue webhook events");
    });
    this.pending.add(added);
    void added.finally(() => this.pending.delete(added));
  }
}

const FANOUT_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 500 },
  removeOnComplete: true,
  removeOnFail: 1000,
} as const;

/** Retry schedule of one delivery: exponential from `delayMs` (1 s, 2 s, 4 s… by default). */
export function deliverOptions(attempts = 8, delayMs = 1000) {
  return {
    attempts,
    backoff: { type: "exponential", delay: delayMs },
    removeOnComplete: true,
    removeOnFail: 1000,
  } as const;
}
