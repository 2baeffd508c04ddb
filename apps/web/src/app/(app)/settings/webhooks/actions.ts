"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { requireSession } from "@/server/session";
import { createWebhookEndpoint, createWebhookInputSchema } from "@/server/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint, redeliverWebhook, sendTestWebhook } from "@/server/webhooks/manage-webhooks";
import { fieldErrorsFrom } from "@/server/zod-issues";

const PAGE = "/settings/webhooks";

export type CreatedWebhook = { url: string; secret: string };

/** Adds an endpoint and hands its signing secret to the form, the only time it is shown. */
export async function createWebhookAction(
  _previous: FormState<CreatedWebhook>,
  formData: FormData,
): Promise<FormState<CreatedWebhook>> {
  const session = await requireSession();
  const parsed = createWebhookInputSchema.safeParse({
    url: formData.get("url"),
    description: formData.get("description") ?? "",
    format: formData.get("format"),
    events: formData.getAll("events"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  const deps = getDeps();
  try {
    const { endpoint, secret } = await createWebhookEndpoint(deps.db, session.ctx, parsed.data, {
      secretKey: deps.secretKey,
      allowPrivateAddresses: deps.allowPrivateUpstreams,
    });
    revalidatePath(PAGE);
    return { result: { url: endpoint.url, secret } };
  } catch (error) {
    return { error: userMessage(error) };
  }
}

const idSchema = z.string().min(1).max(100);

/** Deletes an endpoint with its delivery log. */
export async function deleteWebhookAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData.get("endpointId"), (session, id) => deleteWebhookEndpoint(getDeps().db, session, id));
}

/** Sends a test event to one endpoint. */
export async function testWebhookAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData.get("endpointId"), (session, id) =>
    sendTestWebhook(getDeps().db, session, getDeps().webhooks, id),
  );
}

/** Sends one logged delivery again. */
export async function redeliverWebhookAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return run(formData.get("deliveryId"), (session, id) =>
    redeliverWebhook(getDeps().db, session, getDeps().webhooks, id),
  );
}

async function run(
  raw: FormDataEntryValue | null,
  act: (ctx: Awaited<ReturnType<typeof requireSession>>["ctx"], id: string) => Promise<void>,
): Promise<FormState> {
  const session = await requireSession();
  const id = idSchema.safeParse(raw);
  if (!id.success) return { error: "Choose an item first." };
  try {
    await act(session.ctx, id.data);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(PAGE);
  return {};
}
