"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/server/form-state";
import { decideOneApprovalAction } from "./actions";

/** Approve or deny this call; the button the notification link asked for comes first. */
export function DecideForm({
  approvalId,
  suggested,
}: {
  approvalId: string;
  suggested: "approve" | "deny" | null;
}) {
  const [state, action] = useActionState<FormState, FormData>(decideOneApprovalAction, {});
  const approve = (
    <SubmitButton key="approve" name="decision" value="approved" pendingLabel="Saving…">
      Approve
    </SubmitButton>
  );
  const deny = (
    <SubmitButton key="deny" name="decision" value="denied" variant="danger" pendingLabel="Saving…">
      Deny
    </SubmitButton>
  );
  return (
    <form action={action} className="flex flex-col gap-2" aria-label="Decide this call">
      <input type="hidden" name="approvalId" value={approvalId} />
      <label className={styles.label} htmlFor="reason">
        Reason (optional; shown to the agent)
      </label>
      <input id="reason" name="reason" maxLength={500} className={styles.input} />
      <div className="flex gap-2">{suggested === "deny" ? [deny, approve] : [approve, deny]}</div>
      <FormAlert message={state.error} />
    </form>
  );
}
