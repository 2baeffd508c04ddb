"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { credentialsSchema } from "@/server/accounts/authenticate";
import type { FormState } from "@/server/form-state";

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
    await signIn("credentials", { ...parsed.data, redirectTo: "/servers" });
  } catch (error) {
    // signIn signals success by throwing Next's redirect, which must propagate.
    if (error instanceof AuthError)
      return { error: "That email and password do not match an account.", result: { email } };
    throw error;
  }
  return {};
}
