"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { credentialsSchema } from "@/server/accounts/authenticate";
import type { FormState } from "@/server/form-state";

const refusals: Record<string, string> = {
  rate_limited: "Too many login attempts for this email. Wait 15 minutes, then try again.",
  unavailable: "Logging in is unavailable for a moment. Try again shortly.",
};

/** Where to go after logging in: a path on this site only (never `//host`), else the dashboard. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/servers";
}

/** Signs the user in with email and password, then goes to the dashboard. */
export async function logInAction(
  _previous: FormState<{ email: string }>,
  formData: FormData,
): Promise<FormState<{ email: string }>> {
  const parsed = credentialsSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
  });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: "Enter your email and password.", result: { email } };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(formData.get("next")) });
  } catch (error) {
    // signIn signals success by throwing Next's redirect, which must propagate.
    const refusal = error instanceof CredentialsSignin ? refusals[error.code] : undefined;
    if (refusal !== undefined) return { error: refusal, result: { email } };
    if (error instanceof AuthError)
      return { error: "That email and password do not match an account.", result: { email } };
    throw error;
  }
  return {};
}
