"use client";

import { CopyButton } from "@/components/copy-button";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useToastAction } from "@/components/use-toast-action";
import { type CreatedApiKey, createApiKeyAction } from "./actions";

const roles = [
  { value: "viewer", label: "Viewer (read only)" },
  { value: "policy_manager", label: "Policy manager" },
  { value: "admin", label: "Admin" },
];

export function CreateApiKeyForm({ apiUrl }: { apiUrl: string }) {
  const [state, action] = useToastAction<CreatedApiKey>(
    createApiKeyAction,
    () => "API key created. Copy it now: it is shown once.",
  );
  return (
    <div className="space-y-6">
      <form action={action} className="grid items-start gap-4 md:grid-cols-[1fr_1fr_auto]">
        <div className="md:col-span-3">
          <FormAlert message={state.error} />
        </div>
        <TextField
          label="Key label"
          name="label"
          placeholder="ci-deploy"
          required
          maxLength={64}
          hint="Where the key will be used."
          error={state.fieldErrors?.label}
        />
        <div className="space-y-1.5">
          <label htmlFor="api-key-role" className={styles.label}>
            Role
          </label>
          <select id="api-key-role" name="role" className={styles.input} defaultValue="viewer">
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
          {state.fieldErrors?.role !== undefined ? (
            <p className="text-sm text-red-600">{state.fieldErrors.role}</p>
          ) : null}
        </div>
        <div className="md:pt-6">
          <SubmitButton pendingLabel="Creating…">Create API key</SubmitButton>
        </div>
      </form>
      {state.result !== undefined ? (
        <section
          aria-labelledby="new-api-key"
          className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset"
        >
          <h3 id="new-api-key" className="text-sm font-semibold text-amber-900">
            API key {state.result.label} ({state.result.role.replace("_", " ")})
          </h3>
          <p className="text-sm text-amber-900">
            Copy it now: Toolgate keeps only its hash and cannot show it again.
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="api-key"
              className="block min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-sm break-all ring-1 ring-amber-200"
            >
              {state.result.key}
            </code>
            <CopyButton text={state.result.key} label="Copy key" />
          </div>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100">
            {`export TOOLGATE_URL=${apiUrl}\nexport TOOLGATE_API_KEY=${state.result.key}\nnpx toolgate servers list`}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
