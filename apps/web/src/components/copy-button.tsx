"use client";

import { useState } from "react";
import { styles } from "./styles";

/** Copies a text to the clipboard and confirms it briefly. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions); the text stays selectable.
      setCopied(false);
    }
  }
  return (
    <button type="button" className={styles.secondaryButton} onClick={() => void copy()} aria-label={label}>
      {copied ? "Copied" : label}
    </button>
  );
}
