"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, createApiKeyInputSchema } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { requireSession } from "@/server/session";
import { fieldErrorsFrom } from "@/server/zod-issues";

export type CreatedApiKey = { label: string; role: string; key: string };

/** Creates an API key and hands it to the form, the only time it is ever shown. */
export async function createApiKeyAction(
  _previous: FormState<CreatedApiKey>,
  formData: FormData,
): Promise<FormState<CreatedApiKey>> {
  const session = await requireSession();
  const parsed = createApiKeyInputSchema.safeParse({
    label: formData.get("label"),
    role: formData.get("role"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  try {
    const { apiKey, key } = await createApiKey(getDeps().db, session.ctx, parsed.data);
    revalidatePath("/settings/api-keys");
    return { result: { label: apiKey.label, role: apiKey.role, key } };
  } catch (error) {
    return { error: userMessage(error) };
  }
}

const revokeSchema = z.object({ apiKeyId: z.string().min(1) });

/** Revokes one API key of the signed-in tenant. */
export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = revokeSchema.safeParse({ apiKeyId: formData.get("apiKeyId") });
  if (!parsed.success) return { error: "Choose a key to revoke." };
  try {
    await revokeApiKey(getDeps().db, session.ctx, parsed.data.apiKeyId);
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath("/settings/api-keys");
  return {};
}
