"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut, updateSession } from "@/auth";
import { listOrganisations } from "@/server/accounts/list-organisations";
import { getDeps } from "@/server/deps";
import { requireSession } from "@/server/session";

/** Ends the session and returns to the login page. */
export async function logOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}

const switchSchema = z.object({ tenantId: z.string().min(1).max(100) });

/** Switches the session to another organisation the user belongs to. */
export async function switchOrganisationAction(formData: FormData): Promise<void> {
  const session = await requireSession();
  const parsed = switchSchema.safeParse({ tenantId: formData.get("tenantId") });
  if (!parsed.success) return;
  const organisations = await listOrganisations(getDeps().db, session.ctx.userId);
  // Only an organisation the user is a member of; anything else is ignored.
  if (organisations.some((organisation) => organisation.tenantId === parsed.data.tenantId)) {
    await updateSession({ tenantId: parsed.data.tenantId });
  }
  redirect("/servers");
}
