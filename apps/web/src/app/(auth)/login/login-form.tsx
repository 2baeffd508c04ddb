"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/server/form-state";
import { logInAction } from "./actions";

export function LoginForm() {
  const [state, action] = useActionState<FormState<{ email: string }>, FormData>(logInAction, {});
  return (
    <form action={action} className="space-y-5">
      <FormAlert message={state.error} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.result?.email}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <div className="pt-1">
        <SubmitButton pendingLabel="Logging in…">Log in</SubmitButton>
      </div>
    </form>
  );
}
