"use client";

import { useActionState, useState } from "react";
import { FormAlert } from "@/components/form-alert";
import { styles } from "@/components/styles";
import { SubmitButton } from "@/components/submit-button";
import type { PolicyFormState } from "@/server/policies/policy-form-state";
import { policyAction } from "./actions";

type Props = { serverId: string; initialText: string; currentVersion: number | null; canPublish: boolean };

export function PolicyEditor({ serverId, initialText, currentVersion, canPublish }: Props) {
  const [state, action] = useActionState<PolicyFormState, FormData>(policyAction, { currentVersion });
  // Controlled, so the text survives the form reset React does after an action.
  const [text, setText] = useState(initialText);

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="serverId" value={serverId} />
      <input type="hidden" name="baseVersion" value={state.currentVersion ?? ""} />
      <div className="flex items-center justify-between">
        <label htmlFor="policy-json" className={styles.label}>
          Policy JSON
        </label>
        <span className="text-sm text-slate-500" data-testid="policy-version">
          {state.currentVersion === null ? "Not published yet" : `Current version: ${state.currentVersion}`}
        </span>
      </div>
      <textarea
        id="policy-json"
        name="documentText"
        value={text}
        onChange={(event) => setText(event.target.value)}
        readOnly={!canPublish}
        spellCheck={false}
        rows={14}
        placeholder={'{ "version": "1", "default": "deny", "tools": { … } }'}
        className={`${styles.input} font-mono text-xs leading-5`}
        aria-describedby={state.issues !== undefined ? "policy-issues" : undefined}
      />
      <FormAlert message={state.error} />
      {state.issues !== undefined && state.issues.length > 0 ? (
        <div
          id="policy-issues"
          role="alert"
          className="rounded-md bg-red-50 p-3 ring-1 ring-red-200 ring-inset"
        >
          <p className="text-sm font-medium text-red-800">
            {state.issues.length === 1 ? "1 problem" : `${state.issues.length} problems`} in the policy:
          </p>
          <ul className="mt-2 space-y-1 text-sm text-red-800">
            {state.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code className="rounded bg-red-100 px-1 font-mono text-xs">
                  {issue.path === "" ? "/" : issue.path}
                </code>{" "}
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.notice !== undefined ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200 ring-inset"
        >
          {state.notice}
        </p>
      ) : null}
      {canPublish ? (
        <div className="flex gap-2">
          <SubmitButton variant="secondary" name="intent" value="validate">
            Validate
          </SubmitButton>
          <SubmitButton name="intent" value="publish">
            Publish
          </SubmitButton>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Your role can read this policy but not change it.</p>
      )}
    </form>
  );
}
