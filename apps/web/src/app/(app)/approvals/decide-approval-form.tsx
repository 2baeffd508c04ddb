"use client";

import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { useToastAction } from "@/components/use-toast-action";
import { decideApprovalAction } from "./actions";

/** Approve or deny one held call, with an optional reason the agent will see. */
export function DecideApprovalForm({ approvalId, tool }: { approvalId: string; tool: string }) {
  const [state, action] = useToastAction(decideApprovalAction, (formData) =>
    formData.get("decision") === "approved"
      ? `Approved ${tool}: the agent's call runs now.`
      : `Denied ${tool}: the agent was told, with your reason.`,
  );
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={`Decide ${tool}`}>
      <input type="hidden" name="approvalId" value={approvalId} />
      <label className={styles.label} htmlFor={`reason-${approvalId}`}>
        Reason (optional; shown to the agent)
      </label>
      <input id={`reason-${approvalId}`} name="reason" maxLength={500} className={styles.input} />
      <div className="flex gap-2">
        <SubmitButton name="decision" value="approved" pendingLabel="Saving…">
          Approve
        </SubmitButton>
        <SubmitButton name="decision" value="denied" variant="danger" pendingLabel="Saving…">
          Deny
        </SubmitButton>
      </div>
      <FormAlert message={state.error} />
    </form>
  );
}
