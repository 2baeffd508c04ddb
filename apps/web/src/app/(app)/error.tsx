"use client";

import { styles } from "@/components/styles";

// Next passes only a digest to the browser; the cause is in the server log under it.
export default function AppErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className={`${styles.card} mx-auto max-w-lg p-8 text-center`}>
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        Something went wrong on our side. Try again; if it keeps happening, contact support
        {error.digest !== undefined ? ` and quote ${error.digest}` : ""}.
      </p>
      <button type="button" onClick={reset} className={`${styles.primaryButton} mt-6`}>
        Try again
      </button>
    </div>
  );
}
