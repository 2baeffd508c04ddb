import type { WebhookEvent } from "@toolgate/webhooks";

/** Where the gateway sends webhook events; `publish` buffers and returns at once (never awaited). */
export interface EventPublisher {
  publish(tenantId: string, event: WebhookEvent): void;
}

/** For gateways without webhooks (tests, embedded use). */
export const NO_EVENTS: EventPublisher = { publish: () => {} };
