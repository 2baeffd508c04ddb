import type { WebhookFormat } from "@toolgate/db";
import { slackMessage } from "./slack-message";
import type { WebhookEvent } from "./webhook-event";

/** The request body for an endpoint of this format: the event itself, or a Slack message. */
export function renderWebhookBody(format: WebhookFormat, event: WebhookEvent): string {
  return JSON.stringify(format === "slack" ? slackMessage(event) : event);
}
