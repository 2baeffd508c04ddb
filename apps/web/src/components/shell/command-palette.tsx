"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { NavItem } from "./nav-items";

const PaletteDialog = dynamic(() => import("./palette-dialog"), { ssr: false });

/** Quick search (⌘K / Ctrl+K): jump to any page, server, tool or grant. */
export function CommandPalette({ pages }: { pages: NavItem[] }) {
  const [open, setOpen] = useState(false);
  // Loaded on first use, then kept so reopening is instant.
  const [used, setUsed] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setUsed(true);
        setOpen((current) => !current);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        className="inline-flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white"
        aria-label="Search servers, tools and grants"
      >
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64-1.06 1.06-3.64-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        <span className="hidden xl:inline">Search</span>
        <kbd className="hidden rounded bg-slate-800 px-1.5 text-xs whitespace-nowrap text-slate-400 xl:inline">
          Ctrl K
        </kbd>
      </button>
      {used ? <PaletteDialog pages={pages} open={open} setOpen={setOpen} /> : null}
    </>
  );
}
