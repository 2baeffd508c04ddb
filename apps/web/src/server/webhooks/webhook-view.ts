import type { WebhookDelivery, WebhookEndpoint } from "@toolgate/db";

/** An endpoint as the dashboard shows it: never its secret. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  format: "standard" | "slack";
  events: string[];
  enabled: boolean;
  createdAt: Date;
};

/** One row of an endpoint's delivery log. */
export type WebhookDeliveryView = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
};

export function toWebhookEndpointView(row: WebhookEndpoint): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    format: row.format,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.createdAt,
  };
}

export function toWebhookDeliveryView(row: WebhookDelivery): WebhookDeliveryView {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    lastError: row.lastError,
    createdAt: row.createdAt,
    lastAttemptAt: row.lastAttemptAt,
  };
}
