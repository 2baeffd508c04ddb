import Link from "next/link";

/** What an empty list says: what will be here, and the one action that fills it. */
export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description: string;
  action?: { href: string; label: string };
}) {
  return (
    <div
      className="mt-4 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center"
      data-testid="empty-state"
    >
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{description}</p>
      {action !== undefined ? (
        <Link
          href={action.href}
          className="mt-4 inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
        >
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
