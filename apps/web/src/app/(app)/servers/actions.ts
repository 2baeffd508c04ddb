"use server";

import { redirect } from "next/navigation";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
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

/** Registers a server from the add form and opens its page. */
export async function addServerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const parsed = addServerInputSchema.safeParse({
    name: formData.get("name"),
    url: formData.get("url"),
    headers: headerRows(formData),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  let serverId: string;
  try {
    const { server } = await addServer(getDeps(), session.ctx, parsed.data);
    serverId = server.id;
  } catch (error) {
    return { error: userMessage(error) };
  }
  redirect(`/servers/${serverId}`);
}
