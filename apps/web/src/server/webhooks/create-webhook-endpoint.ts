import { createWebhookEndpoint as createEndpointRow, type Db, withAudit } from "@toolgate/db";
import { type SecretKeyInput, sealSecret } from "@toolgate/secrets";
import { UpstreamError } from "@toolgate/upstream";
import { assertWebhookUrl, generateWebhookSecret, WEBHOOK_EVENT_TYPES } from "@toolgate/webhooks";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toWebhookEndpointView } from "./webhook-view";

export const createWebhookInputSchema = z.object({
  url: z.string().trim().url("Enter the endpoint's full URL, such as https://hooks.example.com/toolgate."),
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
  format: z.enum(["standard", "slack"]).default("standard"),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event.")
    .transform((events) => [...new Set(events)]),
});

export type CreateWebhookInput = z.input<typeof createWebhookInputSchema>;

/**
 * Adds a webhook endpoint and returns its signing secret: only the sealed secret is stored, and
 * this is the one time it is shown. The URL follows the same SSRF rules as upstream servers.
 */
export async function createWebhookEndpoint(
  db: Db,
  ctx: SessionContext,
  input: CreateWebhookInput,
  options: { secretKey: SecretKeyInput; allowPrivateAddresses: boolean },
) {
  assertCan(ctx, "manage_webhooks");
  const parsed = createWebhookInputSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError("invalid_input", parsed.error.issues[0]?.message ?? "Invalid webhook.");
  try {
    await assertWebhookUrl(parsed.data.url, { allowPrivateAddresses: options.allowPrivateAddresses });
  } catch (error) {
    if (error instanceof UpstreamError) {
      throw new AppError("invalid_input", `Webhook URL refused: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const secret = generateWebhookSecret();
  const endpoint = await withAudit(
    db,
    ctx.tenantId,
    (tx) =>
      createEndpointRow(tx, ctx.tenantId, {
        ...parsed.data,
        secretSealed: sealSecret(secret, options.secretKey),
        createdById: ctx.userId,
      }),
    (created) => ({
      actorUserId: ctx.userId,
      action: "webhook.created",
      targetType: "webhook",
      targetId: created.id,
      data: { url: created.url, events: created.events, format: created.format },
    }),
  );
  return { endpoint: toWebhookEndpointView(endpoint), secret };
}
