"use client";

import { useRef, useState, useTransition } from "react";
import { styles } from "@/components/styles";

type Props = {
  version: number | null;
  dirty: boolean;
  valid: boolean;
  canPublish: boolean;
  text: string;
  serverSlug: string;
  onPublish: (message: string) => Promise<{ notice?: string; error?: string }>;
  onImport: (text: string) => void;
};

/** Publish with a message, plus import and export of policy.json. */
export function PublishPanel({
  version,
  dirty,
  valid,
  canPublish,
  text,
  serverSlug,
  onPublish,
  onImport,
}: Props) {
  const [message, setMessage] = useState("");
  const [feedback, setFeedback] = useState<{ notice?: string; error?: string }>({});
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  const publish = () =>
    startTransition(async () => {
      const result = await onPublish(message);
      setFeedback(result);
      if (result.notice !== undefined) setMessage("");
    });

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${serverSlug}-policy.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section aria-labelledby="publish-heading" className={`${styles.card} space-y-3 p-4`}>
      <div className="flex items-center justify-between">
        <h2 id="publish-heading" className="text-base font-semibold">
          Publish
        </h2>
        <span className="text-sm text-slate-500" data-testid="policy-version">
          {version === null ? "Not published yet" : `Current version: ${version}`}
          {dirty ? " · unsaved changes" : ""}
        </span>
      </div>
      {canPublish ? (
        <>
          <label className={styles.label}>
            Version message
            <input
              className={styles.input}
              value={message}
              maxLength={500}
              placeholder="What changed and why"
              onChange={(event) => setMessage(event.target.value)}
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={styles.primaryButton}
              onClick={publish}
              disabled={pending || !valid}
            >
              {pending ? "Publishing…" : "Publish"}
            </button>
            <button type="button" className={styles.secondaryButton} onClick={exportFile}>
              Export policy.json
            </button>
            <button
              type="button"
              className={styles.secondaryButton}
              onClick={() => fileInput.current?.click()}
            >
              Import policy.json
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              aria-label="Policy file to import"
              className="sr-only"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file !== undefined) onImport(await file.text());
                event.target.value = "";
              }}
            />
          </div>
        </>
      ) : (
        <div className="flex gap-2">
          <p className="text-sm text-slate-500">Your role can read this policy but not change it.</p>
          <button type="button" className={styles.secondaryButton} onClick={exportFile}>
            Export policy.json
          </button>
        </div>
      )}
      {feedback.error !== undefined ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {feedback.error}
        </p>
      ) : null}
      {feedback.notice !== undefined ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200"
        >
          {feedback.notice}
        </p>
      ) : null}
    </section>
  );
}
