"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { styles } from "./styles";

type Props = {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
};

/** A submit button that disables itself while its form's action runs. */
export function SubmitButton({ children, pendingLabel, variant = "primary", name, value }: Props) {
  const { pending } = useFormStatus();
  const className =
    variant === "danger"
      ? styles.dangerButton
      : variant === "secondary"
        ? styles.secondaryButton
        : styles.primaryButton;
  return (
    <button
      type="submit"
      className={className}
      disabled={pending}
      name={name}
      value={value}
      aria-disabled={pending}
    >
      {pending && pendingLabel !== undefined ? pendingLabel : children}
    </button>
  );
}
