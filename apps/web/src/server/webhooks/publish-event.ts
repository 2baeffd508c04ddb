import type { WebhookEvent } from "@toolgate/webhooks";

/** Where the dashboard's services send webhook events; `publish` buffers and never blocks or throws. */
export type EventPublisher = { publish(tenantId: string, event: WebhookEvent): void };

const none: EventPublisher = { publish: () => {} };
// Set once at the edge (getDeps). Events are fire-and-forget notifications, like log lines: a
// module-level sink keeps every service signature (and their many callers) unchanged.
let publisher: EventPublisher = none;

/** Installs the process's publisher (the BullMQ one in the app; tests install their own). */
export function installEventPublisher(next: EventPublisher): void {
  publisher = next;
}

/** Publishes a webhook event of a tenant, after the change it reports has been stored. */
export function publishEvent(tenantId: string, event: WebhookEvent): void {
  publisher.publish(tenantId, event);
}
