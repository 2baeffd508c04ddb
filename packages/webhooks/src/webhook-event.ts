import { z } from "zod";

/** Event types a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  "call.denied",
  "call.rate_limited",
  "approval.requested",
  "approval.decided",
  "tool.quarantined",
  "policy.published",
  "grant.created",
  "grant.revoked",
] as const;

/** Sent by "send test event"; every endpoint receives it whatever it subscribed to. */
export const TEST_EVENT_TYPE = "webhook.test";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** The Standard Webhooks event shape: `{ type, timestamp, data }`. */
export const webhookEventSchema = z.object({
  type: z.union([webhookEventTypeSchema, z.literal(TEST_EVENT_TYPE)]),
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** An event for `type` happening now (or at `at`). */
export function webhookEvent(
  type: WebhookEvent["type"],
  data: Record<string, unknown>,
  at: Date = new Date(),
): WebhookEvent {
  return { type, timestamp: at.toISOString(), data };
}
