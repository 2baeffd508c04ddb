"use client";

import { LIMIT_SCOPES, type PolicyLimit } from "@toolgate/policy-core";
import { useId } from "react";
import { styles } from "@/components/styles";

const WINDOWS = ["second", "minute", "hour", "day"] as const;

type Props = {
  label: string;
  limits: PolicyLimit[];
  // Limits elsewhere in the policy: picking one of their counters shares its budget.
  shared: PolicyLimit[];
  defaultLimit: PolicyLimit;
  onChange: (limits: PolicyLimit[]) => void;
};

const small = `${styles.input} py-1 text-xs`;

/** Edits a list of limits: counter (existing counters offered), window, max and scope. */
export function LimitsEditor({ label, limits, shared, defaultLimit, onChange }: Props) {
  const listId = useId();
  const counters = [...new Map(shared.map((limit) => [limit.counter, limit])).values()];
  const update = (index: number, patch: Partial<PolicyLimit>) =>
    onChange(limits.map((limit, i) => (i === index ? { ...limit, ...patch } : limit)));
  const pickCounter = (index: number, counter: string) => {
    const existing = counters.find((limit) => limit.counter === counter);
    // Limits naming one counter must agree on window, max and scope: take the existing ones.
    update(index, existing === undefined ? { counter } : { ...existing });
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold text-slate-700">{label}</legend>
      <datalist id={listId}>
        {counters.map((limit) => (
          <option key={limit.counter} value={limit.counter}>
            {`${limit.max}/${limit.window} per ${limit.scope}`}
          </option>
        ))}
      </datalist>
      {limits.map((limit, index) => {
        const windowIsNamed = typeof limit.window === "string";
        const n = index + 1;
        return (
          <div
            key={`limit-${n}`}
            className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200"
          >
            <label className="col-span-2 text-xs text-slate-600">
              Counter {n}
              <input
                className={small}
                list={listId}
                value={limit.counter}
                onChange={(event) => pickCounter(index, event.target.value)}
              />
            </label>
            <label className="text-xs text-slate-600">
              Max {n}
              <input
                className={small}
                type="number"
                min={1}
                value={limit.max}
                onChange={(event) => update(index, { max: event.target.valueAsNumber || 0 })}
              />
            </label>
            <label className="text-xs text-slate-600">
              Window {n}
              <select
                className={small}
                value={windowIsNamed ? String(limit.window) : "seconds"}
                onChange={(event) => {
                  const named = WINDOWS.find((window) => window === event.target.value);
                  update(index, { window: named ?? 60 });
                }}
              >
                {WINDOWS.map((window) => (
                  <option key={window} value={window}>
                    per {window}
                  </option>
                ))}
                <option value="seconds">seconds…</option>
              </select>
            </label>
            {windowIsNamed ? null : (
              <label className="text-xs text-slate-600">
                Window seconds {n}
                <input
                  className={small}
                  type="number"
                  min={1}
                  value={typeof limit.window === "number" ? limit.window : 60}
                  onChange={(event) => update(index, { window: event.target.valueAsNumber || 0 })}
                />
              </label>
            )}
            <label className="text-xs text-slate-600">
              Scope {n}
              <select
                className={small}
                value={limit.scope}
                onChange={(event) => {
                  const scope = LIMIT_SCOPES.find((candidate) => candidate === event.target.value);
                  if (scope !== undefined) update(index, { scope });
                }}
              >
                {LIMIT_SCOPES.map((scope) => (
                  <option key={scope} value={scope}>
                    per {scope}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="col-span-2 justify-self-end text-xs font-medium text-red-700 hover:underline"
              onClick={() => onChange(limits.filter((_, i) => i !== index))}
            >
              Remove limit {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className={`${styles.secondaryButton} py-1 text-xs`}
        onClick={() => onChange([...limits, defaultLimit])}
      >
        Add limit
      </button>
    </fieldset>
  );
}
