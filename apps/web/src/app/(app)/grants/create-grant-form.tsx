"use client";

import { useActionState, useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/server/form-state";
import { type CreatedGrant, createGrantAction } from "./actions";

type Props = { servers: { id: string; name: string }[] };

export function CreateGrantForm({ servers }: Props) {
  const [state, action] = useActionState<FormState<CreatedGrant>, FormData>(createGrantAction, {});
  return (
    <div className="space-y-6">
      <form action={action} className="grid items-start gap-4 md:grid-cols-[1fr_1fr_auto]">
        <div className="md:col-span-3">
          <FormAlert message={state.error} />
        </div>
        <TextField
          label="Grant label"
          name="label"
          placeholder="alice-laptop"
          required
          maxLength={64}
          hint="Who or what will use this token."
          error={state.fieldErrors?.label}
        />
        <div className="space-y-1.5">
          <label htmlFor="grant-server" className={styles.label}>
            Server
          </label>
          <select id="grant-server" name="serverId" className={styles.input} defaultValue="">
            <option value="">All servers</option>
            {servers.map((server) => (
              <option key={server.id} value={server.id}>
                {server.name}
              </option>
            ))}
          </select>
        </div>
        <div className="md:pt-6">
          <SubmitButton pendingLabel="Creating…">Create grant</SubmitButton>
        </div>
      </form>
      {state.result !== undefined ? <TokenReveal created={state.result} /> : null}
    </div>
  );
}

function TokenReveal({ created }: { created: CreatedGrant }) {
  const [client, setClient] = useState<"typescript" | "cursor">("cursor");
  const snippet = created.snippets[client];
  return (
    <section
      aria-labelledby="new-token"
      className="space-y-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset"
    >
      <div>
        <h3 id="new-token" className="text-sm font-semibold text-amber-900">
          Token for {created.label}
        </h3>
        <p className="text-sm text-amber-900">
          Copy it now: Toolgate keeps only its hash and cannot show it again.
        </p>
      </div>
      <div className="flex items-center gap-2">
        <code
          data-testid="grant-token"
          className="block min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-sm break-all ring-1 ring-amber-200"
        >
          {created.token}
        </code>
        <CopyButton text={created.token} label="Copy token" />
      </div>
      <div>
        <div role="tablist" aria-label="Client configuration" className="flex gap-1">
          {(["cursor", "typescript"] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={client === option}
              onClick={() => setClient(option)}
              className={`rounded-md px-3 py-1 text-xs font-medium ${client === option ? "bg-amber-200 text-amber-950" : "text-amber-900 hover:bg-amber-100"}`}
            >
              {option === "cursor" ? "Cursor mcp.json" : "TypeScript MCP SDK"}
            </button>
          ))}
        </div>
        <pre
          data-testid="config-snippet"
          className="mt-2 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100"
        >
          {snippet}
        </pre>
        <div className="mt-2">
          <CopyButton text={snippet} label="Copy configuration" />
        </div>
      </div>
    </section>
  );
}
