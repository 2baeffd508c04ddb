"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { NavItem } from "./nav-items";

type Item = { kind: "server" | "tool" | "grant"; label: string; detail: string; href: string };

function isItems(value: unknown): value is { items: Item[] } {
  return typeof value === "object" && value !== null && "items" in value && Array.isArray(value.items);
}

const groups: { kind: Item["kind"]; heading: string }[] = [
  { kind: "server", heading: "Servers" },
  { kind: "tool", heading: "Tools" },
  { kind: "grant", heading: "Grants (opens their logs)" },
];

/** The palette itself (cmdk), loaded the first time it opens so pages do not carry it. */
export default function PaletteDialog({
  pages,
  open,
  setOpen,
}: {
  pages: NavItem[];
  open: boolean;
  setOpen: (open: boolean) => void;
}) {
  const router = useRouter();
  const [items, setItems] = useState<Item[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    fetch("/quick-search", { cache: "no-store" })
      .then(async (response) => {
        const body: unknown = await response.json();
        if (!response.ok || !isItems(body)) throw new Error(`HTTP ${response.status}`);
        if (!cancelled) setItems(body.items);
      })
      .catch(() => {
        if (!cancelled) setProblem("Search is unavailable right now; the pages below still work.");
      });
    return () => {
      cancelled = true;
    };
  }, [open]);

  const go = useCallback(
    (href: string) => {
      setOpen(false);
      router.push(href);
    },
    [router, setOpen],
  );

  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label="Quick search"
      overlayClassName="fixed inset-0 z-40 bg-slate-900/40"
      contentClassName="fixed top-[12vh] left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-slate-200"
    >
      <Command.Input
        placeholder="Search servers, tools, grants, pages…"
        className="w-full border-b border-slate-200 px-4 py-3 text-sm outline-none"
      />
      <Command.List className="max-h-[60vh] overflow-y-auto p-2 text-sm">
        <Command.Empty className="px-3 py-6 text-center text-slate-500">Nothing matches.</Command.Empty>
        {problem !== null ? <p className="px-3 py-2 text-xs text-amber-700">{problem}</p> : null}
        {items === null && problem === null ? (
          <Command.Loading>
            <p className="px-3 py-2 text-xs text-slate-500">Loading…</p>
          </Command.Loading>
        ) : null}
        <Command.Group heading="Pages" className={groupClass}>
          {pages.map((page) => (
            <Command.Item
              key={page.href}
              value={`page ${page.label}`}
              onSelect={() => go(page.href)}
              className={itemClass}
            >
              {page.label}
            </Command.Item>
          ))}
        </Command.Group>
        {groups.map((group) => {
          const entries = (items ?? []).filter((item) => item.kind === group.kind);
          if (entries.length === 0) return null;
          return (
            <Command.Group key={group.kind} heading={group.heading} className={groupClass}>
              {entries.map((item) => (
                <Command.Item
                  key={`${item.kind}:${item.href}`}
                  value={`${item.kind} ${item.label} ${item.detail} ${item.href}`}
                  onSelect={() => go(item.href)}
                  className={itemClass}
                >
                  <span className="min-w-0 truncate font-medium" title={item.label}>
                    {item.label}
                  </span>
                  <span className="ml-auto shrink-0 text-xs text-slate-500">{item.detail}</span>
                </Command.Item>
              ))}
            </Command.Group>
          );
        })}
      </Command.List>
    </Command.Dialog>
  );
}

const groupClass =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-500";
const itemClass =
  "flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900";
