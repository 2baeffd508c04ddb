"use client";

import { useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { useToastAction } from "@/components/use-toast-action";
import { type CreatedGrant, createGrantAction } from "./actions";
import { TokenReveal } from "./token-reveal";

type Props = { servers: { id: string; name: string }[] };

/** The server select's value for a grant restricted to the servers ticked below it. */
const SOME_SERVERS = "some";

export function CreateGrantForm({ servers }: Props) {
  const [scope, setScope] = useState("");
  const [state, action] = useToastAction<CreatedGrant>(
    createGrantAction,
    () => "Grant created. Copy the token now: it is shown once.",
  );
  return (
    <div className="space-y-6">
      <form action={action} className="grid items-start gap-4 md:grid-cols-[1fr_1fr_1fr_auto]">
        <div className="md:col-span-4">
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
          <select
            id="grant-server"
            name="serverId"
            className={styles.input}
            value={scope}
            onChange={(event) => setScope(event.target.value)}
          >
            <option value="">All servers</option>
            <option value={SOME_SERVERS}>Some servers…</option>
            {servers.map((server) => (
              <option key={server.id} value={server.id}>
                {server.name}
              </option>
            ))}
          </select>
          {scope === SOME_SERVERS ? (
            <fieldset className="space-y-1 pt-1">
              <legend className="text-sm text-slate-600">Servers this grant may use</legend>
              {servers.map((server) => (
                <label key={server.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="servers" value={server.id} />
                  {server.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {state.fieldErrors?.servers !== undefined ? (
            <p className="text-sm text-red-600">{state.fieldErrors.servers}</p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <label htmlFor="grant-expiry" className={styles.label}>
            Expires
          </label>
          <select id="grant-expiry" name="expiresInDays" className={styles.input} defaultValue="">
            <option value="">Never</option>
            <option value="1">In 1 day</option>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In 1 year</option>
          </select>
          {state.fieldErrors?.expiresInDays !== undefined ? (
            <p className="text-sm text-red-600">{state.fieldErrors.expiresInDays}</p>
          ) : null}
        </div>
        <div className="md:pt-6">
          <SubmitButton pendingLabel="Creating…">Create grant</SubmitButton>
        </div>
      </form>
      {state.result !== undefined ? <TokenReveal created={state.result} /> : null}
    </div>
  );
}
