"use client";

import type { PolicyCondition } from "@toolgate/policy-core";

type Props = {
  tool: string;
  path: string;
  values: (string | number | boolean)[];
  denyIf: PolicyCondition[];
  onChange: (denyIf: PolicyCondition[]) => void;
};

function isActionDenial(condition: PolicyCondition, path: string, value: unknown): boolean {
  return condition.path === path && condition.op === "eq" && condition.value === value;
}

/**
 * For a tool that does many things through one enum argument: one toggle per action
 * value that adds or removes `deny_if: <path> eq <value>`.
 */
export function PortmanteauActions({ tool, path, values, denyIf, onChange }: Props) {
  return (
    <fieldset>
      <legend className="text-xs font-semibold text-slate-700">
        Actions of {tool} <span className="font-normal text-slate-500">({path})</span>
      </legend>
      <div className="mt-1 flex flex-wrap gap-1">
        {values.map((value) => {
          const denied = denyIf.some((condition) => isActionDenial(condition, path, value));
          return (
            <button
              key={String(value)}
              type="button"
              aria-pressed={denied}
              aria-label={`Deny action ${String(value)}`}
              onClick={() =>
                onChange(
                  denied
                    ? denyIf.filter((condition) => !isActionDenial(condition, path, value))
                    : [...denyIf, { path, op: "eq", value }],
                )
              }
              className={`rounded-full px-2 py-0.5 font-mono text-xs ring-1 ${denied ? "bg-red-600 text-white ring-red-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {denied ? `✕ ${String(value)}` : String(value)}
            </button>
          );
        })}
      </div>
      <p className="mt-1 text-xs text-slate-500">Click an action to deny it; click again to allow it.</p>
    </fieldset>
  );
}
