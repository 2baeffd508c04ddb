import Link from "next/link";
import type { ReactNode } from "react";
import { PublicHeader } from "@/components/public/public-header";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <PublicHeader />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">{children}</main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-4 px-4 py-6 text-sm text-slate-500">
          <span>Toolgate, a policy gateway for MCP tool calls.</span>
          <Link href="/catalogue" className="hover:text-slate-700">
            Tool catalogue
          </Link>
          <Link href="/signup" className="hover:text-slate-700">
            Sign up
          </Link>
        </div>
      </footer>
    </div>
  );
}
