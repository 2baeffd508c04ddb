import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { CommandPalette } from "@/components/shell/command-palette";
import { MobileNav } from "@/components/shell/mobile-nav";
import type { NavItem } from "@/components/shell/nav-items";
import { Toaster } from "@/components/shell/toaster";
import { listOrganisations } from "@/server/accounts/list-organisations";
import { countPendingApprovals } from "@/server/approvals/count-pending-approvals";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { requireSession } from "@/server/session";
import { logOutAction } from "./actions";
import { OrganisationSwitcher } from "./organisation-switcher";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const { db } = getDeps();
  const [organisations, pendingApprovals] = await Promise.all([
    listOrganisations(db, session.ctx.userId),
    countPendingApprovals(db, session.ctx),
  ]);
  const items: NavItem[] = [
    { href: "/overview", label: "Overview" },
    { href: "/servers", label: "Servers" },
    { href: "/grants", label: "Grants" },
    { href: "/logs", label: "Logs" },
    { href: "/approvals", label: "Approvals", count: pendingApprovals },
    { href: "/settings/api-keys", label: "API" },
    { href: "/members", label: "Members" },
    ...(can(session.ctx.role, "read_audit") ? [{ href: "/audit", label: "Audit" }] : []),
    ...(can(session.ctx.role, "manage_webhooks") ? [{ href: "/settings/webhooks", label: "Webhooks" }] : []),
  ];
  const who = `${session.email} · ${session.ctx.role.replace("_", " ")}`;
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900">
        <nav aria-label="Main" className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6">
          <Link href="/overview" className="flex shrink-0 items-center gap-2 text-white">
            <span className="grid size-7 place-items-center rounded-md bg-indigo-500 text-sm font-bold">
              T
            </span>
            <span className="font-semibold tracking-tight">Toolgate</span>
          </Link>
          <div className="hidden gap-1 lg:flex">
            {items.map((item) => (
              <NavLink key={item.href} item={item} />
            ))}
          </div>
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            <CommandPalette pages={items} />
            {organisations.length > 1 ? (
              <OrganisationSwitcher current={session.ctx.tenantId} organisations={organisations} />
            ) : null}
            <span className="hidden min-w-0 text-right xl:block">
              <span className="block truncate font-medium text-white" data-testid="org-name">
                {session.tenant.name}
              </span>
              <span className="block truncate text-xs text-slate-400">{who}</span>
            </span>
            <form action={logOutAction} className="hidden sm:block">
              <button
                type="submit"
                className="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white"
              >
                Log out
              </button>
            </form>
            <MobileNav items={items} footer={`${session.tenant.name} · ${who}`} logOut={logOutAction} />
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
      <Toaster />
    </div>
  );
}
