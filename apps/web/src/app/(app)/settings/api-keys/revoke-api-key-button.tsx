"use client";

import { useActionState, useState } from "react";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/server/form-state";
import { revokeApiKeyAction } from "./actions";

/** Revoke with a confirmation step: the first click asks, the second revokes. */
export function RevokeApiKeyButton({ apiKeyId, label }: { apiKeyId: string; label: string }) {
  const [state, action] = useActionState<FormState, FormData>(revokeApiKeyAction, {});
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
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <span className="text-xs text-slate-600">Scripts using {label} stop at once.</span>
      <SubmitButton variant="danger" pendingLabel="Revoking…">
        Confirm revoke
      </SubmitButton>
      <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </form>
  );
}
