"use client";

import { styles } from "@/components/styles";
import { useToastAction } from "@/components/use-toast-action";
import { changeRoleAction } from "./actions";
import { roleLabels } from "./invite-form";

/** A member's role as a select that saves on change. */
export function RoleSelect({
  membershipId,
  role,
  email,
}: {
  membershipId: string;
  role: string;
  email: string;
}) {
  const [state, action] = useToastAction(changeRoleAction, () => "Role changed.");
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <select
        name="role"
        defaultValue={role}
        aria-label={`Role of ${email}`}
        className={`${styles.input} w-44`}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {Object.entries(roleLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {state.error !== undefined ? (
        <p role="alert" className="max-w-56 text-xs text-red-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
