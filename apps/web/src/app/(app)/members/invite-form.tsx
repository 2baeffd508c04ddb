"use client";

import { CopyButton } from "@/components/copy-button";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { useToastAction } from "@/components/use-toast-action";
import { type CreatedInvite, createInviteAction } from "./actions";

export const roleLabels: Record<string, string> = {
  admin: "Admin",
  policy_manager: "Policy manager",
  viewer: "Viewer",
};

/** Creates an invite link for a role and shows it once, with a copy button. */
export function InviteForm() {
  const [state, action] = useToastAction<CreatedInvite>(createInviteAction, () => "Invite link created.");
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-4">
        <div className="space-y-1.5">
          <label htmlFor="invite-role" className={styles.label}>
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="viewer" className={styles.input}>
            {Object.entries(roleLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="invite-expiry" className={styles.label}>
            Valid for
          </label>
          <select id="invite-expiry" name="expiresInDays" defaultValue="7" className={styles.input}>
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </select>
        </div>
        <SubmitButton pendingLabel="Creating…">Create invite link</SubmitButton>
      </form>
      <FormAlert message={state.error ?? state.fieldErrors?.role} />
      {state.result !== undefined ? (
        <div className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset">
          <p className="text-sm text-amber-900">
            Send this link to the person joining as {roleLabels[state.result.role] ?? state.result.role}. It
            works once and is shown only now.
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="invite-link"
              className="block min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-xs break-all ring-1 ring-amber-200"
            >
              {state.result.link}
            </code>
            <CopyButton text={state.result.link} label="Copy invite link" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
