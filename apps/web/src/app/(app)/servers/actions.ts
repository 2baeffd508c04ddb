"use server";

import { redirect } from "next/navigation";
import { limitIntent } from "@/catalogue/limit-intent";
import { builderDraftPath } from "@/catalogue/public-pages";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";
import { addServer, addServerInputSchema } from "@/server/servers/add-server";
import { requireSession } from "@/server/session";
import { fieldErrorsFrom } from "@/server/zod-issues";

function headerRows(formData: FormData) {
  const names = formData.getAll("headerName").map(String);
  const values = formData.getAll("headerValue").map(String);
  // Rows left entirely blank are the form's spare row, not an error.
  return names
    .map((name, index) => ({ name, value: values[index] ?? "" }))
    .filter((row) => row.name.trim() !== "" || row.value !== "");
}

export type EnteredServer = { name: string; url: string };

/** Registers a server from the add form and opens its page (or, from "Limit this tool", its builder). */
export async function addServerAction(
  _previous: FormState<EnteredServer>,
  formData: FormData,
): Promise<FormState<EnteredServer>> {
  const session = await requireSession();
  // Echoed back so a failed attempt keeps what was typed; header values are not (they are secrets).
  const entered = { name: String(formData.get("name") ?? ""), url: String(formData.get("url") ?? "") };
  const parsed = addServerInputSchema.safeParse({
    name: formData.get("name"),
    url: formData.get("url"),
    headers: headerRows(formData),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), result: entered };
  let serverId: string;
  try {
    const { server } = await addServer(getDeps(), session.ctx, parsed.data);
    serverId = server.id;
  } catch (error) {
    return { error: userMessage(error), result: entered };
  }
  const intent = limitIntent(await catalogueForRequest(), {
    catalogue: formData.get("catalogue"),
    tool: formData.get("tool"),
  });
  redirect(
    intent === undefined
      ? `/servers/${serverId}`
      : builderDraftPath(serverId, intent.server.slug, intent.tool.name),
  );
}
