"use client";

import { useState, useTransition } from "react";
import { styles } from "@/components/styles";
import type { ReplayOutcome } from "./server-actions";

type Props = {
  valid: boolean;
  argumentValuesLogged: boolean;
  onReplay: (days: 1 | 7 | 30) => Promise<ReplayOutcome>;
};

const WINDOWS = [
  { days: 1, label: "last day" },
  { days: 7, label: "last 7 days" },
  { days: 30, label: "last 30 days" },
] as const;

/** Runs the draft against recently recorded calls and shows what would change. */
export function ReplayPanel({ valid, argumentValuesLogged, onReplay }: Props) {
  const [days, setDays] = useState<1 | 7 | 30>(7);
  const [outcome, setOutcome] = useState<ReplayOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <section aria-labelledby="replay-heading" className={`${styles.card} space-y-3 p-4`}>
      <h2 id="replay-heading" className="text-base font-semibold">
        Replay recorded calls
      </h2>
      <p className="text-xs text-slate-600">
        The draft decides each recorded tools/call, resources/read, prompts/get and completion again. Limits
        are not replayed.{" "}
        {argumentValuesLogged
          ? "Argument values are recorded for this organisation."
          : "Only argument names are recorded for this organisation, so calls that hinge on argument values count as unknown."}
      </p>
      <div className="flex items-end gap-2">
        <label className={styles.label}>
          Replay window
          <select
            className={styles.input}
            value={days}
            onChange={(event) => {
              const picked = WINDOWS.find((window) => String(window.days) === event.target.value);
              if (picked !== undefined) setDays(picked.days);
            }}
          >
            {WINDOWS.map((window) => (
              <option key={window.days} value={window.days}>
                {window.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={styles.secondaryButton}
          disabled={!valid || pending}
          onClick={() => startTransition(async () => setOutcome(await onReplay(days)))}
        >
          {pending ? "Replaying…" : "Replay draft"}
        </button>
      </div>
      {outcome === null ? null : outcome.ok ? (
        <div role="status" aria-label="Replay result" className="space-y-2 text-sm">
          <p>
            {outcome.report.compared} calls replayed: {outcome.report.unchanged} unchanged,{" "}
            {outcome.report.changed.reduce((sum, change) => sum + change.count, 0)} would change,{" "}
            {outcome.report.unknown.reduce((sum, entry) => sum + entry.count, 0)} unknown.
            {outcome.report.truncated ? " Only the newest 20,000 calls were replayed." : ""}
          </p>
          {outcome.report.changed.length > 0 ? (
            <table className="w-full text-left text-xs">
              <thead className="text-slate-500">
                <tr>
                  <th scope="col">Tool</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Change</th>
                  <th scope="col" className="text-right">
                    Calls
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcome.report.changed.map((change) => (
                  <tr key={`${change.tool}|${change.rule}|${change.from}|${change.to}`}>
                    <td className="font-mono">{change.tool}</td>
                    <td className="font-mono">{change.rule}</td>
                    <td className={change.to === "denied" ? "text-red-700" : "text-emerald-700"}>
                      {change.from} → {change.to}
                    </td>
                    <td className="text-right">{change.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {outcome.report.unknown.length > 0 ? (
            <ul className="text-xs text-slate-600">
              {outcome.report.unknown.map((entry) => (
                <li key={`${entry.tool}|${entry.rule}`}>
                  <span className="font-mono">{entry.tool}</span>: {entry.count} unknown (conditions of{" "}
                  <span className="font-mono">{entry.rule}</span> read argument values that were not recorded)
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {outcome.error ?? `The draft has problems: ${outcome.issues?.[0]?.message ?? "see the JSON pane"}`}
        </p>
      )}
    </section>
  );
}
