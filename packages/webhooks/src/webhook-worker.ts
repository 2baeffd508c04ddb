import { createHash } from "node:crypto";
import {
  createWebhookDeliveries,
  type Db,
  findSubscribedEndpoints,
  findWebhookEndpointsByIds,
  getWebhookDelivery,
  recordWebhookAttempt,
} from "@toolgate/db";
import { openSecret, type SecretKeyInput } from "@toolgate/secrets";
import { type AddressPolicy, createGuardedFetch } from "@toolgate/upstream";
import type { Job } from "bullmq";
import { renderWebhookBody } from "./render-webhook-body";
import { TEST_EVENT_TYPE, webhookEventSchema } from "./webhook-event";
import {
  DELIVER_JOB,
  type DeliverJob,
  deliverJobSchema,
  FANOUT_JOB,
  fanoutJobSchema,
  type PublishedEvent,
  WEBHOOK_QUEUE,
} from "./webhook-jobs";
import { deliverOptions, type WebhookLogger } from "./webhook-publisher";
import { signWebhook } from "./webhook-secret";
import {
  openWebhookQueue,
  openWebhookWorker,
  type WebhookQueue,
  type WebhookTransport,
} from "./webhook-transport";

export type WebhookWorkerOptions = AddressPolicy & {
  db: Db;
  transport: WebhookTransport;
  /** TOOLGATE_SECRET_KEY: opens the endpoints' sealed signing secrets. */
  secretKey: SecretKeyInput;
  logger: WebhookLogger;
  queueName?: string;
  /** Attempts per delivery (default 8) and the first retry delay, doubling after (default 1 s). */
  attempts?: number;
  retryDelayMs?: number;
  /** Limit for connecting and receiving the response headers (default 10 s). */
  timeoutMs?: number;
  concurrency?: number;
};

/** A running webhook worker. */
export type WebhookWorker = { close(): Promise<void> };

/** The error a delivery attempt fails with, so BullMQ retries it; the cause is kept. */
export class WebhookDeliveryError extends Error {
  readonly code = "webhook_delivery_failed";
}

/**
 * Runs the webhook queue: fan-out jobs become one stored delivery per subscribed endpoint, and each
 * delivery is POSTed signed, through the SSRF-guarded fetch, retried with exponential backoff; every
 * attempt's outcome lands in the delivery log.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const queueName = options.queueName ?? WEBHOOK_QUEUE;
  const queue = openWebhookQueue(options.transport, queueName);
  const guarded = createGuardedFetch({
    allowPrivateAddresses: options.allowPrivateAddresses,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const retry = deliverOptions(options.attempts, options.retryDelayMs);
  const worker = openWebhookWorker(
    options.transport,
    queueName,
    async (job: Job) => {
      if (job.name === FANOUT_JOB)
        return fanOut(options.db, queue, fanoutJobSchema.parse(job.data).events, retry);
      if (job.name === DELIVER_JOB)
        return deliver(options, guarded.fetch, job, deliverJobSchema.parse(job.data));
      throw new Error(`unknown webhook job ${job.name}`);
    },
    options.concurrency ?? 8,
  );
  worker.on("failed", (job, error) => {
    options.logger.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, "webhook job failed");
  });
  return {
    async close() {
      await worker.close();
      await queue.close();
      await guarded.close();
    },
  };
}

async function fanOut(
  db: Db,
  queue: WebhookQueue,
  events: PublishedEvent[],
  retry: ReturnType<typeof deliverOptions>,
): Promise<void> {
  const tenants = [...new Set(events.map((published) => published.tenantId))];
  const types = [...new Set(events.map((published) => published.event.type))];
  const subscribed = await findSubscribedEndpoints(db, tenants, types);
  const targeted = events.filter((published) => published.endpointId !== undefined);
  const testEndpoints =
    targeted.length === 0
      ? []
      : await findWebhookEndpointsByIds(
          db,
          targeted.flatMap((published) => published.endpointId ?? []),
        );
  const rows = events.flatMap((published) => {
    const endpoints =
      published.endpointId === undefined
        ? subscribed.filter(
            (endpoint) =>
              endpoint.tenantId === published.tenantId &&
              published.event.type !== TEST_EVENT_TYPE &&
              endpoint.events.includes(published.event.type),
          )
        : testEndpoints.filter(
            (endpoint) => endpoint.id === published.endpointId && endpoint.tenantId === published.tenantId,
          );
    return endpoints.map((endpoint) => ({
      // Derived from the event and endpoint, so a retried fan-out cannot deliver an event twice.
      id: `msg_${createHash("sha256").update(`${published.eventId}:${endpoint.id}`).digest("hex").slice(0, 26)}`,
      tenantId: published.tenantId,
      endpointId: endpoint.id,
      event: published.event.type,
      payload: published.event,
    }));
  });
  if (rows.length === 0) return;
  const created = await createWebhookDeliveries(db, rows);
  await queue.addBulk(
    created.map((delivery) => ({
      name: DELIVER_JOB,
      data: { tenantId: delivery.tenantId, deliveryId: delivery.id } satisfies DeliverJob,
      opts: { ...retry, jobId: delivery.id },
    })),
  );
}

type FetchLike = ReturnType<typeof createGuardedFetch>["fetch"];

async function deliver(
  options: WebhookWorkerOptions,
  fetch: FetchLike,
  job: Job,
  data: DeliverJob,
): Promise<void> {
  const { db } = options;
  const delivery = await getWebhookDelivery(db, data.tenantId, data.deliveryId);
  if (delivery === null) return; // the endpoint was deleted with its log
  const { endpoint } = delivery;
  const attempts = delivery.attempts + 1;
  const at = new Date();
  const maxAttempts = job.opts.attempts ?? 1;
  const last = job.attemptsMade + 1 >= maxAttempts;
  if (!endpoint.enabled) {
    await recordWebhookAttempt(db, data.tenantId, delivery.id, {
      status: "failed",
      attempts: delivery.attempts,
      responseStatus: null,
      error: "The endpoint is disabled.",
      at,
    });
    return;
  }
  const event = webhookEventSchema.parse(delivery.payload);
  const body = renderWebhookBody(endpoint.format, event);
  const secret = openSecret(endpoint.secretSealed, options.secretKey);
  let responseStatus: number | null = null;
  let failure: string | null = null;
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Toolgate-Webhooks/1",
        ...signWebhook(secret, delivery.id, at, body),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    responseStatus = response.status;
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300)
      failure = `The endpoint answered HTTP ${response.status}.`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  await recordWebhookAttempt(db, data.tenantId, delivery.id, {
    status: failure === null ? "delivered" : last ? "failed" : "pending",
    attempts,
    responseStatus,
    error: failure,
    at,
  });
  if (failure !== null) throw new WebhookDeliveryError(failure);
}
