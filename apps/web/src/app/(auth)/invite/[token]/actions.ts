"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { auth, signIn, updateSession } from "@/auth";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { joinAsNewUser, joinAsNewUserSchema, joinAsUser } from "@/server/invites/accept-invite";
import { fieldErrorsFrom } from "@/server/zod-issues";

const tokenSchema = z.string().min(10).max(200);
const signedInSchema = z.object({ identity: z.object({ userId: z.string().min(1) }) });

/** Creates an account from the invite, then signs the new member in. */
export async function joinAsNewUserAction(
  _previous: FormState<{ email: string }>,
  formData: FormData,
): Promise<FormState<{ email: string }>> {
  const email = String(formData.get("email") ?? "");
  const token = tokenSchema.safeParse(formData.get("token"));
  const parsed = joinAsNewUserSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!token.success) return { error: "This invite link is not valid.", result: { email } };
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), result: { email } };
  try {
    await joinAsNewUser(getDeps().db, token.data, parsed.data);
  } catch (error) {
    return { error: userMessage(error), result: { email } };
  }
  await signIn("credentials", { ...parsed.data, redirectTo: "/servers" });
  return {};
}

/** Adds the signed-in user to the inviting organisation and switches to it. */
export async function joinAsUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = signedInSchema.safeParse(await auth());
  if (!session.success) redirect("/login");
  const token = tokenSchema.safeParse(formData.get("token"));
  if (!token.success) return { error: "This invite link is not valid." };
  let tenantId: string;
  try {
    ({ tenantId } = await joinAsUser(getDeps().db, session.data.identity.userId, token.data));
  } catch (error) {
    return { error: userMessage(error) };
  }
  await updateSession({ tenantId });
  redirect("/servers");
}
