"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./shell/nav-items";

/** Whether `href` is the current page or one of its children. */
export function useIsActive(href: string): boolean {
  const pathname = usePathname();
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** A nav link that marks itself as the current page, with an optional count badge. */
export function NavLink({
  item,
  block = false,
  onNavigate,
}: {
  item: NavItem;
  block?: boolean;
  onNavigate?: () => void;
}) {
  const active = useIsActive(item.href);
  const count = item.count ?? 0;
  return (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={`inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${block ? "w-full" : ""} ${active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
    >
      {item.label}
      {count > 0 ? (
        <span
          className="rounded-full bg-amber-400 px-1.5 text-xs leading-5 font-semibold text-slate-900 tabular-nums"
          data-testid={`nav-count-${item.label.toLowerCase()}`}
        >
          {count}
          <span className="sr-only"> pending</span>
        </span>
      ) : null}
    </Link>
  );
}
