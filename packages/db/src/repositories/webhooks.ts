import type { Db } from "../create-db";
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookFormat,
} from "../generated/prisma/client";
import { toJson } from "../json-input";
import { newId } from "../new-id";
import type { DbClient } from "../transaction";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** Stores a webhook endpoint; the caller seals the secret first. */
export function createWebhookEndpoint(
  db: DbClient,
  tenantId: string,
  input: {
    url: string;
    description?: string;
    format: WebhookFormat;
    events: string[];
    secretSealed: string;
    createdById?: string | null;
  },
): Promise<WebhookEndpoint> {
  return db.webhookEndpoint.create({
    data: {
      id: newId("whk"),
      tenantId,
      url: input.url,
      description: input.description ?? "",
      format: input.format,
      events: input.events,
      secretSealed: input.secretSealed,
      createdById: input.createdById ?? null,
    },
  });
}

/** The tenant's webhook endpoints, newest first. */
export function listWebhookEndpoints(db: Db, tenantId: string): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { tenantId }, orderBy: { createdAt: "desc" } });
}

/** One endpoint of the tenant, or null (also for another tenant's id). */
export function getWebhookEndpoint(db: Db, tenantId: string, id: string): Promise<WebhookEndpoint | null> {
  return db.webhookEndpoint.findFirst({ where: { id, tenantId } });
}

/** Deletes an endpoint and its delivery log; false if the tenant has no such endpoint. */
export async function deleteWebhookEndpoint(db: DbClient, tenantId: string, id: string): Promise<boolean> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id, tenantId } });
  return count === 1;
}

/** Enabled endpoints of these tenants subscribed to any of these event types (the fan-out query). */
export function findSubscribedEndpoints(
  db: Db,
  tenantIds: readonly string[],
  events: readonly string[],
): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({
    where: { tenantId: { in: [...tenantIds] }, enabled: true, events: { hasSome: [...events] } },
  });
}

/** Endpoints by id across tenants, for the worker (callers match each against its event's tenant). */
export function findWebhookEndpointsByIds(db: Db, ids: readonly string[]): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { id: { in: [...ids] } } });
}

/** A delivery to record: one event for one endpoint. */
export type NewWebhookDelivery = {
  tenantId: string;
  endpointId: string;
  event: string;
  payload: unknown;
};

/** Inserts pending deliveries and returns them with their ids (each id is the event's webhook-id). */
export async function createWebhookDeliveries(
  db: Db,
  deliveries: readonly NewWebhookDelivery[],
): Promise<Array<{ id: string; tenantId: string }>> {
  const rows = deliveries.map((delivery) => ({
    id: newId("msg"),
    tenantId: delivery.tenantId,
    endpointId: delivery.endpointId,
    event: delivery.event,
    payload: toJson(delivery.payload),
  }));
  if (rows.length > 0) await db.webhookDelivery.createMany({ data: rows });
  return rows.map(({ id, tenantId }) => ({ id, tenantId }));
}

/** A delivery with its endpoint, scoped to the tenant. */
export function getWebhookDelivery(
  db: Db,
  tenantId: string,
  id: string,
): Promise<(WebhookDelivery & { endpoint: WebhookEndpoint }) | null> {
  return db.webhookDelivery.findFirst({ where: { id, tenantId }, include: { endpoint: true } });
}

/** Records the outcome of one delivery attempt. */
export async function recordWebhookAttempt(
  db: Db,
  tenantId: string,
  id: string,
  attempt: {
    status: WebhookDeliveryStatus;
    attempts: number;
    responseStatus: number | null;
    error: string | null;
    at: Date;
  },
): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { id, tenantId },
    data: {
      status: attempt.status,
      attempts: attempt.attempts,
      responseStatus: attempt.responseStatus,
      lastError: attempt.error,
      lastAttemptAt: attempt.at,
      ...(attempt.status === "delivered" ? { deliveredAt: attempt.at } : {}),
    },
  });
}

/** Puts a delivery back to pending for a manual redelivery; false if the tenant has no such delivery. */
export async function resetWebhookDelivery(db: Db, tenantId: string, id: string): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, tenantId },
    data: { status: "pending", lastError: null },
  });
  return count === 1;
}

/** The delivery log of one endpoint, newest first. */
export function listWebhookDeliveries(
  db: Db,
  tenantId: string,
  endpointId: string,
  limit = DEFAULT_LIMIT,
): Promise<WebhookDelivery[]> {
  return db.webhookDelivery.findMany({
    where: { tenantId, endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT),
  });
}
