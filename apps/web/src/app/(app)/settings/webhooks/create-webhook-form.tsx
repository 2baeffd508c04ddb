"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/copy-button";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import type { FormState } from "@/server/form-state";
import { type CreatedWebhook, createWebhookAction } from "./actions";

const DESCRIPTIONS: Record<string, string> = {
  "call.denied": "a tool call was denied",
  "call.rate_limited": "a tool call hit a rate limit",
  "approval.requested": "a call waits for approval (with approve/deny links)",
  "approval.decided": "someone approved or denied a call",
  "tool.quarantined": "a tool changed its definition and was quarantined",
  "policy.published": "a policy version was published",
  "grant.created": "a grant was created",
  "grant.revoked": "a grant was revoked",
};

/** Adds a webhook endpoint: URL, format, events; shows its signing secret once. */
export function CreateWebhookForm({ eventTypes }: { eventTypes: readonly string[] }) {
  const [state, action] = useActionState<FormState<CreatedWebhook>, FormData>(createWebhookAction, {});
  return (
    <div className="space-y-6">
      <form action={action} className="grid items-start gap-4 md:grid-cols-2" aria-label="Add a webhook">
        <div className="md:col-span-2">
          <FormAlert message={state.error} />
        </div>
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          placeholder="https://hooks.slack.com/services/…"
          required
          error={state.fieldErrors?.url}
        />
        <TextField
          label="Description"
          name="description"
          maxLength={200}
          error={state.fieldErrors?.description}
        />
        <fieldset className="space-y-2">
          <legend className={styles.label}>Format</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="standard" defaultChecked /> Standard Webhooks (signed
            JSON event)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="format" value="slack" /> Slack-compatible incoming webhook
          </label>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className={styles.label}>Events</legend>
          {eventTypes.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={type} />
              <code className="font-mono text-xs">{type}</code>
              <span className="text-slate-600">{DESCRIPTIONS[type] ?? ""}</span>
            </label>
          ))}
          {state.fieldErrors?.events !== undefined ? (
            <p className="text-sm text-red-600">{state.fieldErrors.events}</p>
          ) : null}
        </fieldset>
        <div>
          <SubmitButton pendingLabel="Adding…">Add webhook</SubmitButton>
        </div>
      </form>
      {state.result !== undefined ? (
        <section
          aria-labelledby="new-webhook-secret"
          className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 ring-inset"
        >
          <h3 id="new-webhook-secret" className="text-sm font-semibold text-amber-900">
            Signing secret for {state.result.url}
          </h3>
          <p className="text-sm text-amber-900">
            Copy it now: it is stored encrypted and not shown again. Verify each delivery's{" "}
            <code>webhook-signature</code> with it (HMAC-SHA256 over <code>id.timestamp.body</code>).
          </p>
          <div className="flex items-center gap-2">
            <code
              data-testid="webhook-secret"
              className="block min-w-0 flex-1 rounded-md bg-white px-3 py-2 font-mono text-sm break-all ring-1 ring-amber-200"
            >
              {state.result.secret}
            </code>
            <CopyButton text={state.result.secret} label="Copy secret" />
          </div>
        </section>
      ) : null}
    </div>
  );
}
