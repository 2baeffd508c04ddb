"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { NavLink } from "../nav-link";
import type { NavItem } from "./nav-items";

/** The main navigation as a slide-over sheet, for screens too narrow for the top bar. */
export function MobileNav({
  items,
  footer,
  logOut,
}: {
  items: NavItem[];
  footer: string;
  logOut: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const pending = items.reduce((sum, item) => sum + (item.count ?? 0), 0);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="relative inline-flex items-center rounded-md p-2 text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white lg:hidden"
        aria-label="Open menu"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-5" aria-hidden="true">
          <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
        </svg>
        {pending > 0 ? (
          <span className="absolute -top-1 -right-1 size-2.5 rounded-full bg-amber-400" />
        ) : null}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-50 flex w-72 max-w-[85vw] flex-col gap-1 bg-slate-900 p-4 shadow-xl">
          <div className="mb-3 flex items-center justify-between">
            <Dialog.Title className="text-sm font-semibold text-white">Menu</Dialog.Title>
            <Dialog.Close
              className="rounded-md px-2 py-1 text-sm text-slate-300 hover:bg-slate-800"
              aria-label="Close menu"
            >
              Close
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">Main navigation</Dialog.Description>
          <nav aria-label="Mobile" className="flex flex-col gap-1">
            {items.map((item) => (
              <NavLink key={item.href} item={item} block onNavigate={() => setOpen(false)} />
            ))}
          </nav>
          <div className="mt-auto border-t border-slate-800 pt-4">
            <p className="truncate text-xs text-slate-400">{footer}</p>
            <form action={logOut} className="mt-3">
              <button
                type="submit"
                className="w-full rounded-md px-3 py-2 text-left text-sm font-medium text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800"
              >
                Log out
              </button>
            </form>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
