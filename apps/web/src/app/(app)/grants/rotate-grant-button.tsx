"use client";

import { useState } from "react";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { useToastAction } from "@/components/use-toast-action";
import { type CreatedGrant, rotateGrantAction } from "./actions";
import { TokenReveal } from "./token-reveal";

/** Rotate with a confirmation step; the new token is shown once below the row. */
export function RotateGrantButton({ grantId, label }: { grantId: string; label: string }) {
  const [state, action] = useToastAction<CreatedGrant>(
    rotateGrantAction,
    () => "Token rotated: the old one stops working now.",
  );
  const [confirming, setConfirming] = useState(false);
  if (state.result !== undefined) return <TokenReveal created={state.result} />;
  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <form action={action} className="flex items-center justify-end gap-2">
          <input type="hidden" name="grantId" value={grantId} />
          <span className="text-xs text-slate-600">The current token of {label} stops working.</span>
          <SubmitButton variant="danger" pendingLabel="Rotating…">
            Confirm rotate
          </SubmitButton>
          <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className={styles.secondaryButton} onClick={() => setConfirming(true)}>
          Rotate
        </button>
      )}
      {state.error !== undefined ? (
        <p role="alert" className="text-xs text-red-600">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
