/** A policy document as formatted JSON, ready to read or copy. */
export function PolicyJson({ policy, label }: { policy: unknown; label: string }) {
  return (
    <figure aria-label={label}>
      <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
        {JSON.stringify(policy, null, 2)}
      </pre>
    </figure>
  );
}
