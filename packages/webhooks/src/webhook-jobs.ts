import { z } from "zod";
import { webhookEventSchema } from "./webhook-event";

/** The queue shared by everything that publishes events (gateway, dashboard) and the webhook worker. */
export const WEBHOOK_QUEUE = "webhooks";

/** One event of one tenant, with the id that makes its fan-out idempotent. */
export const publishedEventSchema = z.object({
  eventId: z.string().min(1),
  tenantId: z.string().min(1),
  event: webhookEventSchema,
  /** Only this endpoint (send test event); otherwise every subscribed endpoint. */
  endpointId: z.string().optional(),
});
export type PublishedEvent = z.infer<typeof publishedEventSchema>;

/** Fan-out job: events to match against the tenants' subscriptions. */
export const fanoutJobSchema = z.object({ events: z.array(publishedEventSchema) });
export type FanoutJob = z.infer<typeof fanoutJobSchema>;

/** Delivery job: one stored delivery to send (retried by BullMQ with backoff). */
export const deliverJobSchema = z.object({ tenantId: z.string().min(1), deliveryId: z.string().min(1) });
export type DeliverJob = z.infer<typeof deliverJobSchema>;

export const FANOUT_JOB = "fanout";
export const DELIVER_JOB = "deliver";
