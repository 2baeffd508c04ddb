import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { listOrganisations } from "@/server/accounts/list-organisations";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { requireSession } from "@/server/session";
import { logOutAction } from "./actions";
import { OrganisationSwitcher } from "./organisation-switcher";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const organisations = await listOrganisations(getDeps().db, session.ctx.userId);
  return (
    <div className="min-h-screen">
      <header className="bg-slate-900">
        <nav aria-label="Main" className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
          <Link href="/servers" className="flex items-center gap-2 text-white">
            <span className="grid size-7 place-items-center rounded-md bg-indigo-500 text-sm font-bold">
              T
            </span>
            <span className="font-semibold tracking-tight">Toolgate</span>
          </Link>
          <div className="flex gap-1">
            <NavLink href="/overview">Overview</NavLink>
            <NavLink href="/servers">Servers</NavLink>
            <NavLink href="/grants">Grants</NavLink>
            <NavLink href="/logs">Logs</NavLink>
            <NavLink href="/approvals">Approvals</NavLink>
            <NavLink href="/settings/api-keys">API</NavLink>
            <NavLink href="/members">Members</NavLink>
            {can(session.ctx.role, "read_audit") ? <NavLink href="/audit">Audit</NavLink> : null}
            {can(session.ctx.role, "manage_webhooks") ? (
              <NavLink href="/settings/webhooks">Webhooks</NavLink>
            ) : null}
          </div>
          <div className="ml-auto flex items-center gap-4 text-sm">
            {organisations.length > 1 ? (
              <OrganisationSwitcher current={session.ctx.tenantId} organisations={organisations} />
            ) : null}
            <span className="hidden text-right sm:block">
              <span className="block font-medium text-white" data-testid="org-name">
                {session.tenant.name}
              </span>
              <span className="block text-xs text-slate-400">
                {session.email} · {session.ctx.role.replace("_", " ")}
              </span>
            </span>
            <form action={logOutAction}>
              <button
                type="submit"
                className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white"
              >
                Log out
              </button>
            </form>
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
