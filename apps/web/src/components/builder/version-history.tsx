"use client";

import { diffPolicyDocuments, parsePolicy } from "@toolgate/policy-core";
import { useState, useTransition } from "react";
import { boardCards } from "@/builder/board";
import { fromPolicy } from "@/builder/builder-state";
import type { CatalogueTool } from "@/builder/catalogue-tool";
import { LANE_TITLES, type Lane } from "@/builder/lanes";
import { formatDateTime } from "@/components/format";
import { styles } from "@/components/styles";
import type { HistoryEntry } from "@/server/policies/builder-history";

type Props = {
  history: HistoryEntry[];
  catalogue: CatalogueTool[];
  canPublish: boolean;
  onRollback: (version: number) => Promise<string | undefined>;
};

function lanesOf(document: unknown, catalogue: CatalogueTool[]): Map<string, Lane> {
  const parsed = parsePolicy(document);
  if (!parsed.ok) return new Map();
  return new Map(boardCards(fromPolicy(parsed.policy), catalogue).map((card) => [card.key, card.lane]));
}

function show(value: unknown): string {
  return value === undefined ? "—" : JSON.stringify(value);
}

function VersionDiff({
  before,
  after,
  catalogue,
}: {
  before: unknown;
  after: unknown;
  catalogue: CatalogueTool[];
}) {
  const changes = diffPolicyDocuments(before, after);
  const beforeLanes = lanesOf(before, catalogue);
  const moved = [...lanesOf(after, catalogue)].filter(([key, lane]) => beforeLanes.get(key) !== lane);
  if (changes.length === 0)
    return <p className="text-xs text-slate-500">Same document as the version before.</p>;
  return (
    <div className="space-y-2">
      {moved.length > 0 ? (
        <ul className="flex flex-wrap gap-1 text-xs">
          {moved.map(([key, lane]) => {
            const from = beforeLanes.get(key);
            return (
              <li key={key} className="rounded bg-indigo-50 px-2 py-0.5 ring-1 ring-indigo-200">
                <span className="font-mono">{key}</span>: {from === undefined ? "new" : LANE_TITLES[from]} →{" "}
                {LANE_TITLES[lane]}
              </li>
            );
          })}
        </ul>
      ) : null}
      <table className="w-full text-left font-mono text-[11px]">
        <thead className="text-slate-500">
          <tr>
            <th scope="col">path</th>
            <th scope="col">before</th>
            <th scope="col">after</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path} className="align-top">
              <td className="pr-2">{change.path || "/"}</td>
              <td className="max-w-48 truncate pr-2 text-red-700" title={show(change.before)}>
                {show(change.before)}
              </td>
              <td className="max-w-48 truncate text-emerald-700" title={show(change.after)}>
                {show(change.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Published versions, each with its changes against the one before, and rollback. */
export function VersionHistory({ history, catalogue, canPublish, onRollback }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  return (
    <section aria-labelledby="history-heading" className={`${styles.card} space-y-3 p-4`}>
      <h2 id="history-heading" className="text-base font-semibold">
        Versions
      </h2>
      {history.length === 0 ? <p className="text-sm text-slate-500">Nothing published yet.</p> : null}
      {error !== undefined ? (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      ) : null}
      <ol className="divide-y divide-slate-100">
        {history.map((entry, index) => (
          <li key={entry.version} className="space-y-2 py-2 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">Version {entry.version}</span>
              {entry.current ? (
                <span className="rounded bg-emerald-50 px-1.5 text-xs text-emerald-700 ring-1 ring-emerald-200">
                  current
                </span>
              ) : null}
              <span className="text-slate-600">{entry.message || "(no message)"}</span>
              <span className="text-xs text-slate-500">
                {entry.author} · {formatDateTime(new Date(entry.createdAt))}
              </span>
              <span className="ml-auto flex gap-1">
                <button
                  type="button"
                  className={`${styles.secondaryButton} px-2 py-1 text-xs`}
                  aria-expanded={open === entry.version}
                  onClick={() => setOpen(open === entry.version ? null : entry.version)}
                >
                  Changes in version {entry.version}
                </button>
                {canPublish && !entry.current ? (
                  confirming === entry.version ? (
                    <button
                      type="button"
                      className={`${styles.dangerButton} px-2 py-1 text-xs`}
                      disabled={pending}
                      onClick={() =>
                        startTransition(async () => {
                          setError(await onRollback(entry.version));
                          setConfirming(null);
                        })
                      }
                    >
                      Confirm rollback to version {entry.version}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className={`${styles.secondaryButton} px-2 py-1 text-xs`}
                      onClick={() => setConfirming(entry.version)}
                    >
                      Roll back to version {entry.version}
                    </button>
                  )
                ) : null}
              </span>
            </div>
            {open === entry.version ? (
              <VersionDiff
                before={history[index + 1]?.document ?? null}
                after={entry.document}
                catalogue={catalogue}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
