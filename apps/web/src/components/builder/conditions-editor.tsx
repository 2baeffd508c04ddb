"use client";

import { CONDITION_OPS, type PolicyCondition } from "@toolgate/policy-core";
import { useId } from "react";
import type { ArgumentField } from "@/builder/argument-fields";
import { formatConditionValue, parseConditionValue } from "@/builder/condition-value";
import { styles } from "@/components/styles";

type Props = {
  label: string;
  name: string;
  conditions: PolicyCondition[];
  fields: ArgumentField[];
  onChange: (conditions: PolicyCondition[]) => void;
};

const small = `${styles.input} py-1 text-xs`;

/** Edits `require` or `deny_if`: argument (from the input schema), operator, typed value. */
export function ConditionsEditor({ label, name, conditions, fields, onChange }: Props) {
  const listId = useId();
  const fieldFor = (path: string) => fields.find((field) => field.path === path);
  const update = (index: number, next: PolicyCondition) =>
    onChange(conditions.map((condition, i) => (i === index ? next : condition)));

  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold text-slate-700">{label}</legend>
      <datalist id={listId}>
        {fields.map((field) => (
          <option key={field.path} value={field.path}>
            {field.type}
          </option>
        ))}
      </datalist>
      {conditions.map((condition, index) => {
        const field = fieldFor(condition.path);
        const type = field?.type ?? "unknown";
        const n = index + 1;
        const setValue = (text: string) =>
          update(index, { ...condition, value: parseConditionValue(text, type, condition.op) });
        return (
          <div
            key={`${name}-${n}`}
            className="grid grid-cols-3 gap-2 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200"
          >
            <label className="text-xs text-slate-600">
              {`${name} ${n} argument`}
              <input
                className={small}
                list={listId}
                value={condition.path}
                onChange={(event) => update(index, { ...condition, path: event.target.value })}
              />
            </label>
            <label className="text-xs text-slate-600">
              {`${name} ${n} operator`}
              <select
                className={small}
                value={condition.op}
                onChange={(event) => {
                  const op = CONDITION_OPS.find((candidate) => candidate === event.target.value);
                  if (op === undefined) return;
                  const text = formatConditionValue(condition.value);
                  update(index, { ...condition, op, value: parseConditionValue(text, type, op) });
                }}
              >
                {CONDITION_OPS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor={`${listId}-${n}-value`} className="text-xs text-slate-600">
              {`${name} ${n} value`} <span className="text-slate-400">({type})</span>
              {field?.enumValues !== undefined && (condition.op === "eq" || condition.op === "neq") ? (
                <select
                  id={`${listId}-${n}-value`}
                  className={small}
                  value={formatConditionValue(condition.value)}
                  onChange={(event) => setValue(event.target.value)}
                >
                  <option value="">…</option>
                  {field.enumValues.map((value) => (
                    <option key={String(value)} value={String(value)}>
                      {String(value)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${listId}-${n}-value`}
                  className={small}
                  value={formatConditionValue(condition.value)}
                  placeholder={condition.op === "in" || condition.op === "not_in" ? "a, b, c" : ""}
                  onChange={(event) => setValue(event.target.value)}
                />
              )}
            </label>
            <button
              type="button"
              className="col-span-3 justify-self-end text-xs font-medium text-red-700 hover:underline"
              onClick={() => onChange(conditions.filter((_, i) => i !== index))}
            >
              {`Remove ${name} ${n}`}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className={`${styles.secondaryButton} py-1 text-xs`}
        onClick={() => {
          const first = fields[0];
          onChange([...conditions, { path: first?.path ?? "args.name", op: "eq", value: "" }]);
        }}
      >
        {`Add ${name} condition`}
      </button>
    </fieldset>
  );
}
