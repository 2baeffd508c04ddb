"use server";

import { signIn } from "@/auth";
import { safeNext } from "@/server/accounts/safe-next";
import { signUp, signUpInputSchema } from "@/server/accounts/sign-up";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import type { FormState } from "@/server/form-state";
import { fieldErrorsFrom } from "@/server/zod-issues";

type Entered = { email: string; organisationName: string };

/** Creates the account and organisation, then signs the new user in. */
export async function signUpAction(
  _previous: FormState<Entered>,
  formData: FormData,
): Promise<FormState<Entered>> {
  // Echoed back so a failed attempt keeps what was typed (never the password).
  const entered = {
    email: String(formData.get("email") ?? ""),
    organisationName: String(formData.get("organisationName") ?? ""),
  };
  const parsed = signUpInputSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
    organisationName: formData.get("organisationName"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error), result: entered };
  try {
    await signUp(getDeps().db, parsed.data);
  } catch (error) {
    return { error: userMessage(error), result: entered };
  }
  // Throws Next's redirect on success: to the dashboard, or back to where sign-up started.
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: safeNext(formData.get("next")),
  });
  return {};
}
