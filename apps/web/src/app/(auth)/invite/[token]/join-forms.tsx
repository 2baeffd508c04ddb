"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/server/form-state";
import { joinAsNewUserAction, joinAsUserAction } from "./actions";

/** Sign-up form for someone joining through an invite. */
export function JoinAsNewUserForm({ token }: { token: string }) {
  const [state, action] = useActionState<FormState<{ email: string }>, FormData>(joinAsNewUserAction, {});
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.error} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.result?.email}
        error={state.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters."
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Joining…">Create account and join</SubmitButton>
    </form>
  );
}

/** One button for a signed-in user to accept the invite. */
export function JoinAsUserForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(joinAsUserAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.error} />
      <p className="text-sm text-slate-600">You are signed in as {email}.</p>
      <SubmitButton pendingLabel="Joining…">Join organisation</SubmitButton>
    </form>
  );
}
