import {
  type Db,
  deleteWebhookEndpoint as deleteEndpointRow,
  getWebhookDelivery,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resetWebhookDelivery,
  withAudit,
} from "@toolgate/db";
import { webhookEvent } from "@toolgate/webhooks";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toWebhookDeliveryView, toWebhookEndpointView } from "./webhook-view";

/** What the dashboard needs to enqueue deliveries (the BullMQ WebhookPublisher). */
export type WebhookQueue = {
  publishNow(tenantId: string, event: ReturnType<typeof webhookEvent>, endpointId?: string): Promise<void>;
  redeliver(tenantId: string, deliveryId: string): Promise<void>;
};

/** The tenant's endpoints, each with its latest deliveries. */
export async function listWebhooks(db: Db, ctx: SessionContext, deliveriesPerEndpoint = 20) {
  assertCan(ctx, "manage_webhooks");
  const endpoints = await listWebhookEndpoints(db, ctx.tenantId);
  return Promise.all(
    endpoints.map(async (endpoint) => ({
      endpoint: toWebhookEndpointView(endpoint),
      deliveries: (await listWebhookDeliveries(db, ctx.tenantId, endpoint.id, deliveriesPerEndpoint)).map(
        toWebhookDeliveryView,
      ),
    })),
  );
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhookEndpoint(db: Db, ctx: SessionContext, endpointId: string): Promise<void> {
  assertCan(ctx, "manage_webhooks");
  const deleted = await withAudit(
    db,
    ctx.tenantId,
    (tx) => deleteEndpointRow(tx, ctx.tenantId, endpointId),
    (found) =>
      found
        ? { actorUserId: ctx.userId, action: "webhook.deleted", targetType: "webhook", targetId: endpointId }
        : null,
  );
  if (!deleted) throw new AppError("not_found", "Webhook endpoint not found.");
}

/** Sends a `webhook.test` event to one endpoint, whatever it subscribed to. */
export async function sendTestWebhook(
  db: Db,
  ctx: SessionContext,
  queue: WebhookQueue,
  endpointId: string,
): Promise<void> {
  assertCan(ctx, "manage_webhooks");
  const endpoint = await getWebhookEndpoint(db, ctx.tenantId, endpointId);
  if (endpoint === null) throw new AppError("not_found", "Webhook endpoint not found.");
  await enqueue(() =>
    queue.publishNow(ctx.tenantId, webhookEvent("webhook.test", { endpointId: endpoint.id }), endpoint.id),
  );
}

/** Sends a logged delivery again (same webhook-id, fresh signature and timestamp). */
export async function redeliverWebhook(
  db: Db,
  ctx: SessionContext,
  queue: WebhookQueue,
  deliveryId: string,
): Promise<void> {
  assertCan(ctx, "manage_webhooks");
  const delivery = await getWebhookDelivery(db, ctx.tenantId, deliveryId);
  if (delivery === null || !(await resetWebhookDelivery(db, ctx.tenantId, deliveryId))) {
    throw new AppError("not_found", "Webhook delivery not found.");
  }
  await enqueue(() => queue.redeliver(ctx.tenantId, delivery.id));
}

async function enqueue(add: () => Promise<void>): Promise<void> {
  try {
    await add();
  } catch (error) {
    throw new AppError("unavailable", "The webhook queue is unavailable right now. Try again shortly.", {
      cause: error,
    });
  }
}
