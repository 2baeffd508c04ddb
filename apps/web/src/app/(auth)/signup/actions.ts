"use server";

import { signIn } from "@/auth";
import { signUp, signUpInputSchema } from "@/server/accounts/sign-up";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { fieldErrorsFrom } from "@/server/zod-issues";

/** Creates the account and organisation, then signs the new user in. */
export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signUpInputSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    organisationName: formData.get("organisationName"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  try {
    await signUp(getDeps().db, parsed.data);
  } catch (error) {
    return { error: userMessage(error) };
  }
  // Throws Next's redirect to the dashboard on success.
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: "/servers",
  });
  return {};
}
