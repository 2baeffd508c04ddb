"use client";

import { useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useToastAction } from "@/components/use-toast-action";
import { addServerAction, type EnteredServer } from "./actions";

/** The catalogue tool to limit once the server is registered ("Limit this tool"). */
export type AddServerIntent = { catalogue: string; tool: string; name: string };

export function AddServerForm({ intent }: { intent?: AddServerIntent | undefined } = {}) {
  // Success opens the server's page; a failure is announced and keeps what was typed.
  const [state, action] = useToastAction<EnteredServer>(addServerAction, () => null);
  const [rows, setRows] = useState<number[]>([]);
  const [nextRow, setNextRow] = useState(0);
  const headerError = Object.entries(state.fieldErrors ?? {}).find(([key]) => key.startsWith("headers"))?.[1];

  return (
    <form action={action} className="space-y-5">
      <FormAlert message={state.error} />
      {intent !== undefined ? (
        <>
          <input type="hidden" name="catalogue" value={intent.catalogue} />
          <input type="hidden" name="tool" value={intent.tool} />
        </>
      ) : null}
      <TextField
        label="Server name"
        name="name"
        placeholder="virtualization"
        required
        // kept after a failed attempt, like the URL
        defaultValue={state.result?.name ?? intent?.name}
        error={state.fieldErrors?.name}
      />
      <TextField
        label="Server URL"
        name="url"
        type="url"
        placeholder="https://mcp.example.com/mcp"
        required
        hint="Streamable HTTP or legacy HTTP+SSE; detected automatically."
        defaultValue={state.result?.url}
        error={state.fieldErrors?.url}
      />
      <fieldset className="space-y-2">
        <legend className={styles.label}>Upstream headers</legend>
        <p className="text-sm text-slate-500">
          Sent only to this server, e.g. Authorization. Stored encrypted.
        </p>
        {rows.map((row, index) => (
          <div key={row} className="flex gap-2">
            <input
              name="headerName"
              aria-label={`Header name ${index + 1}`}
              placeholder="Authorization"
              className={styles.input}
            />
            <input
              name="headerValue"
              type="password"
              aria-label={`Header value ${index + 1}`}
              placeholder="Bearer …"
              autoComplete="off"
              className={styles.input}
            />
            <button
              type="button"
              className={styles.secondaryButton}
              aria-label={`Remove header ${index + 1}`}
              onClick={() => setRows(rows.filter((other) => other !== row))}
            >
              Remove
            </button>
          </div>
        ))}
        {headerError !== undefined ? <p className="text-sm text-red-600">{headerError}</p> : null}
        <button
          type="button"
          className={styles.secondaryButton}
          onClick={() => {
            setRows([...rows, nextRow]);
            setNextRow(nextRow + 1);
          }}
        >
          Add header
        </button>
      </fieldset>
      <SubmitButton pendingLabel="Connecting…">Add server</SubmitButton>
    </form>
  );
}
