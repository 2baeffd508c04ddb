import { WEBHOOK_EVENT_TYPES } from "@toolgate/webhooks";
import type { Metadata } from "next";
import { ActionButton } from "@/components/action-button";
import { Badge } from "@/components/badge";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { requireSession } from "@/server/session";
import { listWebhooks } from "@/server/webhooks/manage-webhooks";
import { deleteWebhookAction, redeliverWebhookAction, testWebhookAction } from "./actions";
import { CreateWebhookForm } from "./create-webhook-form";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_TONE = { delivered: "green", pending: "yellow", failed: "red" } as const;

export default async function WebhooksPage() {
  const session = await requireSession();
  const description =
    "Endpoints that receive your organisation's events: denied and rate-limited calls, approval requests and decisions, quarantined tools, published policies, grants. Deliveries are signed and retried with backoff.";
  if (!can(session.ctx.role, "manage_webhooks")) {
    return (
      <>
        <PageHeader title="Webhooks" description={description} />
        <p className={`${styles.card} p-6 text-sm text-slate-600`}>Only admins can manage webhooks.</p>
      </>
    );
  }
  const webhooks = await listWebhooks(getDeps().db, session.ctx);
  return (
    <>
      <PageHeader title="Webhooks" description={description} />
      <section aria-labelledby="add-webhook" className={`${styles.card} mb-8 p-6`}>
        <h2 id="add-webhook" className="mb-4 text-base font-semibold">
          Add a webhook
        </h2>
        <CreateWebhookForm eventTypes={WEBHOOK_EVENT_TYPES} />
      </section>
      {webhooks.length === 0 ? (
        <p className={`${styles.card} p-10 text-center text-sm text-slate-600`}>No webhooks yet.</p>
      ) : (
        <ul aria-label="Webhook endpoints" className="flex flex-col gap-6">
          {webhooks.map(({ endpoint, deliveries }) => (
            <li key={endpoint.id} className={`${styles.card} p-6`} data-testid="webhook">
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div className="min-w-0">
                  <h2 className="font-mono text-sm font-semibold break-all">{endpoint.url}</h2>
                  <p className="mt-1 text-xs text-slate-600">
                    {endpoint.format === "slack" ? "Slack-compatible" : "Standard Webhooks"} ·{" "}
                    {endpoint.events.join(", ")}
                    {endpoint.description !== "" ? ` · ${endpoint.description}` : ""}
                  </p>
                </div>
                <div className="flex gap-2">
                  <ActionButton
                    action={testWebhookAction}
                    fields={{ endpointId: endpoint.id }}
                    label="Send test event"
                    pendingLabel="Sending…"
                  />
                  <ActionButton
                    action={deleteWebhookAction}
                    fields={{ endpointId: endpoint.id }}
                    label="Delete"
                    confirm={{ text: "Delete this endpoint and its log?", label: "Delete" }}
                  />
                </div>
              </div>
              <h3 className="mt-4 text-sm font-medium text-slate-700">Deliveries</h3>
              {deliveries.length === 0 ? (
                <p className="mt-1 text-sm text-slate-600">Nothing sent yet.</p>
              ) : (
                <table className="mt-2 min-w-full divide-y divide-slate-200 text-sm" aria-label="Deliveries">
                  <thead className="text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                    <tr>
                      {["Event", "Status", "Attempts", "Response", "Last attempt", ""].map((title) => (
                        <th key={title} scope="col" className="px-2 py-2">
                          {title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {deliveries.map((delivery) => (
                      <tr key={delivery.id} data-testid="delivery">
                        <td className="px-2 py-2 font-mono text-xs">{delivery.event}</td>
                        <td className="px-2 py-2">
                          <Badge tone={STATUS_TONE[delivery.status]}>{delivery.status}</Badge>
                        </td>
                        <td className="px-2 py-2">{delivery.attempts}</td>
                        <td
                          className="px-2 py-2 text-xs text-slate-600"
                          title={delivery.lastError ?? undefined}
                        >
                          {delivery.responseStatus ?? (delivery.lastError === null ? "—" : "no response")}
                        </td>
                        <td className="px-2 py-2 text-xs whitespace-nowrap text-slate-600">
                          {formatDateTime(delivery.lastAttemptAt)}
                        </td>
                        <td className="px-2 py-2 text-right">
                          <ActionButton
                            action={redeliverWebhookAction}
                            fields={{ deliveryId: delivery.id }}
                            label="Redeliver"
                            pendingLabel="Queuing…"
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
