import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new signing secret in the Standard Webhooks form `whsec_<base64 of 24 random bytes>`. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** The three Standard Webhooks headers a receiver verifies. */
export type WebhookSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * Signs one delivery: HMAC-SHA256 over `<id>.<timestamp>.<body>` with the secret, as
 * `v1,<base64>` in `webhook-signature` (Standard Webhooks; the `standardwebhooks` library).
 */
export function signWebhook(secret: string, id: string, at: Date, body: string): WebhookSignatureHeaders {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
