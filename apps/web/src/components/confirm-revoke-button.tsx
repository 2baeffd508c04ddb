"use client";

import { useState } from "react";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/server/form-state";
import { useToastAction } from "./use-toast-action";

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The hidden field that names what to revoke, e.g. `{ name: "grantId", value: "grt_…" }`. */
  field: { name: string; value: string };
  /** What revoking does, shown beside the confirm button. */
  warning: string;
};

/** Revoke with a confirmation step: the first click asks, the second revokes. */
export function ConfirmRevokeButton({ action: revoke, field, warning }: Props) {
  const [state, action] = useToastAction(revoke, () => "Revoked.");
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="flex flex-col items-end gap-1">
        <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(true)}>
          Revoke
        </button>
        {state.error !== undefined ? (
          <p role="alert" className="text-xs text-red-600">
            {state.error}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name={field.name} value={field.value} />
      <span className="text-xs text-slate-600">{warning}</span>
      <SubmitButton variant="danger" pendingLabel="Revoking…">
        Confirm revoke
      </SubmitButton>
      <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </form>
  );
}
