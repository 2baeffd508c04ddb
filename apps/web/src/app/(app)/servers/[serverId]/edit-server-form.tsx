"use client";

import { useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useToastAction } from "@/components/use-toast-action";
import { updateServerAction } from "./actions";

type Props = {
  server: { id: string; name: string; url: string; slug: string; toolPrefix: string };
  headers: { name: string; masked: string }[];
};

/** Edits a server's name and URL; headers are replaced as a whole (stored values are never shown). */
export function EditServerForm({ server, headers }: Props) {
  const [state, action] = useToastAction<string>(updateServerAction, () => "Server settings saved.");
  const [replacing, setReplacing] = useState(false);
  const [rows, setRows] = useState([0]);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="serverId" value={server.id} />
      <FormAlert message={state.error} />
      {state.result !== undefined && state.error === undefined ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.result}
        </p>
      ) : null}
      <TextField
        label="Name"
        name="name"
        id="edit-name"
        defaultValue={server.name}
        required
        error={state.fieldErrors?.name}
      />
      <TextField
        label="URL"
        name="url"
        id="edit-url"
        type="url"
        defaultValue={server.url}
        required
        hint="A new URL is connection-tested and re-scanned before it is saved. Stored headers stay bound to the current host: a URL on another host needs them entered again (Replace headers; leave the rows empty to drop them)."
        error={state.fieldErrors?.url}
      />
      <input type="hidden" name="slug" value={server.slug} />
      <TextField
        label="Tool prefix on the tenant URL"
        name="toolPrefix"
        id="edit-tool-prefix"
        defaultValue={server.toolPrefix}
        maxLength={32}
        hint={`Tools and prompts of this server appear as ${server.toolPrefix}__<tool> on the tenant URL. Lower-case letters, digits, '-' and '_'; empty or the slug (${server.slug}) for the default.`}
        error={state.fieldErrors?.toolPrefix}
      />
      <fieldset className="space-y-2">
        <legend className={styles.label}>Upstream headers</legend>
        {headers.length === 0 ? (
          <p className="text-sm text-slate-500">None.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="upstream-headers">
            {headers.map((header) => (
              <li key={header.name} className="font-mono text-xs">
                {header.name}: <span className="text-slate-500">{header.masked}</span>
              </li>
            ))}
          </ul>
        )}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="replaceHeaders"
            checked={replacing}
            onChange={(e) => setReplacing(e.target.checked)}
          />
          Replace all headers
        </label>
        {replacing
          ? rows.map((row, index) => (
              <div key={row} className="flex gap-2">
                <input
                  name="headerName"
                  aria-label={`New header name ${index + 1}`}
                  placeholder="Authorization"
                  className={styles.input}
                />
                <input
                  name="headerValue"
                  type="password"
                  autoComplete="off"
                  aria-label={`New header value ${index + 1}`}
                  className={styles.input}
                />
              </div>
            ))
          : null}
        {replacing ? (
          <button
            type="button"
            className={styles.secondaryButton}
            onClick={() => setRows([...rows, rows.length])}
          >
            Add header
          </button>
        ) : null}
        {state.fieldErrors?.headers !== undefined ? (
          <p className="text-sm text-red-600">{state.fieldErrors.headers}</p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save server</SubmitButton>
    </form>
  );
}
