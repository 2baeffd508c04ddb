"use client";

import { useState } from "react";
import type { FormState } from "@/server/form-state";
import { styles } from "./styles";
import { SubmitButton } from "./submit-button";
import { useToastAction } from "./use-toast-action";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  // When set, the first click asks (showing this text) and a second button does it.
  confirm?: { text: string; label: string };
  variant?: "primary" | "secondary" | "danger";
  /** The toast after it worked (default: "<label>: done."). */
  success?: string;
};

/** A one-button form for a server action, with an optional confirmation step and its error. */
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
  success,
}: Props) {
  const [state, formAction] = useToastAction(action, () => success ?? `${confirm?.label ?? label}: done.`);
  const [confirming, setConfirming] = useState(false);
  const error =
    state.error !== undefined ? (
      <p role="alert" className="text-xs text-red-600">
        {state.error}
      </p>
    ) : null;
  if (confirm !== undefined && !confirming) {
    return (
      <div className="flex flex-col items-end gap-1">
        <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(true)}>
          {label}
        </button>
        {error}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex items-center justify-end gap-2">
        {confirm !== undefined ? <span className="text-xs text-slate-600">{confirm.text}</span> : null}
        <SubmitButton variant={confirm !== undefined ? "danger" : variant} pendingLabel={pendingLabel}>
          {confirm?.label ?? label}
        </SubmitButton>
        {confirm !== undefined ? (
          <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        ) : null}
      </div>
      {error}
    </form>
  );
}
