"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/server/form-state";
import { signUpAction } from "./actions";

export function SignupForm({ next }: { next?: string | undefined }) {
  const [state, action] = useActionState<FormState<{ email: string; organisationName: string }>, FormData>(
    signUpAction,
    {},
  );
  return (
    <form action={action} className="space-y-5">
      <FormAlert message={state.error} />
      {next !== undefined ? <input type="hidden" name="next" value={next} /> : null}
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
      <TextField
        label="Organisation name"
        name="organisationName"
        autoComplete="organization"
        required
        defaultValue={state.result?.organisationName}
        error={state.fieldErrors?.organisationName}
      />
      <div className="pt-1">
        <SubmitButton pendingLabel="Creating account…">Sign up</SubmitButton>
      </div>
    </form>
  );
}
