"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/server/form-state";
import { logInAction } from "./actions";

export function LoginForm({ next }: { next?: string | undefined }) {
  const [state, action] = useActionState<FormState<{ email: string }>, FormData>(logInAction, {});
  return (
    <form action={action} className="space-y-5">
      {next !== undefined ? <input type="hidden" name="next" value={next} /> : null}
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
