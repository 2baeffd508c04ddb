"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { publishServerCatalogue } from "@/server/public-catalogue/publish-server-catalogue";
import { requireSession } from "@/server/session";

const inputSchema = z.object({ serverId: z.string().min(1), publish: z.enum(["1", "0"]) });

/** Publishes the server's tool list to the public catalogue, or withdraws it (admins). */
export async function setCataloguePublishedAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const session = await requireSession();
  const parsed = inputSchema.safeParse({
    serverId: formData.get("serverId"),
    publish: formData.get("publish"),
  });
  if (!parsed.success) return { error: "Unknown server." };
  try {
    await publishServerCatalogue(
      getDeps().db,
      session.ctx,
      parsed.data.serverId,
      parsed.data.publish === "1",
    );
  } catch (error) {
    return { error: userMessage(error) };
  }
  revalidatePath(`/servers/${parsed.data.serverId}`);
  return {};
}
