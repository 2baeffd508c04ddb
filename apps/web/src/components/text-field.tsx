import type { InputHTMLAttributes } from "react";
import { styles } from "./styles";

type Props = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input with its hint and error message tied to it for assistive tech. */
export function TextField({ label, name, error, hint, id, ...input }: Props) {
  const inputId = id ?? `field-${name}`;
  const describedBy =
    error !== undefined ? `${inputId}-error` : hint !== undefined ? `${inputId}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className={styles.label}>
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        className={styles.input}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error !== undefined ? (
        <p id={`${inputId}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : hint !== undefined ? (
        <p id={`${inputId}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
