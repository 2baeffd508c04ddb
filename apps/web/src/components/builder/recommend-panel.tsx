"use client";

import { LANE_TITLES } from "@/builder/lanes";
import type { Recommendation } from "@/builder/recommended-state";
import { styles } from "@/components/styles";

type Props = { recommendation: Recommendation; onApply: () => void; onCancel: () => void };

/** What "Apply recommended" would change, shown before it is applied. */
export function RecommendPanel({ recommendation, onApply, onCancel }: Props) {
  const { lanes, changes } = recommendation;
  return (
    <section aria-label="Recommended policy" className="rounded-xl bg-indigo-50 p-4 ring-1 ring-indigo-200">
      <h2 className="text-sm font-semibold text-indigo-900">
        Recommended rules from the catalogue's risk classes
      </h2>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-indigo-900">The draft already follows the recommendation.</p>
      ) : (
        <>
          <p className="mt-1 text-xs text-indigo-900">
            {lanes.length} {lanes.length === 1 ? "card moves" : "cards move"}, {changes.length} field
            {changes.length === 1 ? "" : "s"} change. Rules for names outside the catalogue, and your own
            resource and prompt rules, are kept.
          </p>
          <ul className="mt-2 flex flex-wrap gap-1 text-xs">
            {lanes.map((change) => (
              <li
                key={`${change.kind} ${change.tool}`}
                className="rounded bg-white px-2 py-0.5 ring-1 ring-indigo-200"
              >
                {change.kind === "tool" ? null : `${change.kind} `}
                <span className="font-mono">{change.tool}</span>: {LANE_TITLES[change.from]} →{" "}
                {LANE_TITLES[change.to]}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          className={styles.primaryButton}
          onClick={onApply}
          disabled={changes.length === 0}
        >
          Apply these changes
        </button>
        <button type="button" className={styles.secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
