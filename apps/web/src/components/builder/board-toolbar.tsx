"use client";

import type { Policy } from "@toolgate/policy-core";
import { useState } from "react";
import type { BuilderAction } from "@/builder/builder-actions";
import { LANE_TITLES, LANES, type Lane } from "@/builder/lanes";
import { styles } from "@/components/styles";

type Props = {
  defaultAction: Policy["default"];
  readOnly: boolean;
  onDispatch: (action: BuilderAction) => void;
  onRecommend: () => void;
};

/** Default allow/deny, adding a rule by name or glob, recommended rules and clearing. */
export function BoardToolbar({ defaultAction, readOnly, onDispatch, onRecommend }: Props) {
  const [name, setName] = useState("");
  const [lane, setLane] = useState<Lane>("deny");
  const [confirmClear, setConfirmClear] = useState(false);
  if (readOnly) return null;

  return (
    <div className={`${styles.card} mb-4 flex flex-wrap items-end gap-4 p-4`}>
      <fieldset>
        <legend className="text-xs font-semibold text-slate-700">Tools without a rule</legend>
        <div className="mt-1 flex gap-3 text-sm">
          {(["allow", "deny"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1">
              <input
                type="radio"
                name="default-action"
                checked={defaultAction === value}
                onChange={() => onDispatch({ type: "set_default", value })}
              />
              {value === "allow" ? "Default allow" : "Default deny"}
            </label>
          ))}
        </div>
      </fieldset>
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === "") return;
          onDispatch({ type: "move", key: name.trim(), lane });
          setName("");
        }}
      >
        <label className="text-xs font-semibold text-slate-700">
          Tool name or glob
          <input
            className={`${styles.input} py-1`}
            placeholder="Delete*"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="text-xs font-semibold text-slate-700">
          Lane for the new rule
          <select
            className={`${styles.input} py-1`}
            value={lane}
            onChange={(event) =>
              setLane(LANES.find((candidate) => candidate === event.target.value) ?? "deny")
            }
          >
            {LANES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {LANE_TITLES[candidate]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={`${styles.secondaryButton} py-1.5`}>
          Add rule
        </button>
      </form>
      <div className="ml-auto flex gap-2">
        <button type="button" className={styles.secondaryButton} onClick={onRecommend}>
          Apply recommended
        </button>
        {confirmClear ? (
          <button
            type="button"
            className={styles.dangerButton}
            onClick={() => {
              onDispatch({ type: "clear" });
              setConfirmClear(false);
            }}
          >
            Confirm clear
          </button>
        ) : (
          <button type="button" className={styles.secondaryButton} onClick={() => setConfirmClear(true)}>
            Clear all rules
          </button>
        )}
      </div>
    </div>
  );
}
