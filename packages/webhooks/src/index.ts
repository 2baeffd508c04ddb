export { assertWebhookUrl } from "./assert-webhook-url";
export { renderWebhookBody } from "./render-webhook-body";
export { type SlackMessage, slackMessage } from "./slack-message";
export {
  TEST_EVENT_TYPE,
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventType,
  webhookEvent,
  webhookEventSchema,
  webhookEventTypeSchema,
} from "./webhook-event";
export { WEBHOOK_QUEUE } from "./webhook-jobs";
export {
  deliverOptions,
  type WebhookLogger,
  WebhookPublisher,
  type WebhookPublisherOptions,
} from "./webhook-publisher";
export { generateWebhookSecret, signWebhook, type WebhookSignatureHeaders } from "./webhook-secret";
export { openWebhookQueue, type WebhookQueue, type WebhookTransport } from "./webhook-transport";
export {
  startWebhookWorker,
  WebhookDeliveryError,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from "./webhook-worker";
