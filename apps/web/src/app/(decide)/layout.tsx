import Link from "next/link";
import type { ReactNode } from "react";

/** A page of its own for links sent outside the dashboard (chat notifications): no navigation to load. */
export default function DecideLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center px-4 py-12">
      <Link href="/approvals" className="mb-8 flex items-center gap-2">
        <span className="grid size-9 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
          T
        </span>
        <span className="text-xl font-semibold tracking-tight">Toolgate</span>
      </Link>
      <div className="w-full max-w-xl rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        {children}
      </div>
    </main>
  );
}
