"use client";

import { useDroppable } from "@dnd-kit/core";
import { type ReactNode, useState } from "react";
import { LANE_TITLES, type Lane } from "@/builder/lanes";

const LANE_TONES: Record<Lane, string> = {
  allow: "border-emerald-300 bg-emerald-50/60",
  rate_limit: "border-amber-300 bg-amber-50/60",
  require_approval: "border-violet-300 bg-violet-50/60",
  deny: "border-red-300 bg-red-50/60",
  hide: "border-slate-300 bg-slate-100/70",
};

/**
 * One lane: a drop target listing its cards. On the resources and prompts boards the lane's name
 * carries the board ("Allow (resources)"), so each lane on the page has a name of its own.
 */
export function LaneColumn({
  lane,
  count,
  board,
  children,
}: {
  lane: Lane;
  count: number;
  board: string | undefined;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: lane });
  const [collapsed, setCollapsed] = useState(false);
  const title = LANE_TITLES[lane];
  const name = board === undefined ? `${title} lane` : `${title} (${board})`;
  const listId = board === undefined ? `lane-${lane}-cards` : `lane-${board}-${lane}-cards`;
  return (
    <section
      ref={setNodeRef}
      aria-label={name}
      data-lane={lane}
      className={`flex min-w-0 flex-col ${collapsed ? "" : "min-h-48"} rounded-xl border-2 border-dashed p-2 ${LANE_TONES[lane]} ${isOver ? "ring-2 ring-indigo-500" : ""}`}
    >
      <h3 className="mb-2 flex items-center gap-2 px-1 text-sm font-semibold text-slate-800">
        <button
          type="button"
          onClick={() => setCollapsed((current) => !current)}
          aria-expanded={!collapsed}
          aria-controls={listId}
          aria-label={`${collapsed ? "Expand" : "Collapse"} the ${name}`}
          className="flex min-w-0 flex-1 items-center gap-1 rounded text-left hover:text-slate-950"
        >
          <span
            aria-hidden="true"
            className={`text-xs transition-transform ${collapsed ? "-rotate-90" : ""}`}
          >
            ▾
          </span>
          <span className="truncate">{title}</span>
        </button>
        <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600 ring-1 ring-slate-200">
          {count}
        </span>
      </h3>
      {collapsed ? (
        <p className="px-1 text-xs text-slate-500">
          {count} {count === 1 ? "card" : "cards"} hidden here; drop onto the lane still works.
        </p>
      ) : (
        <ul id={listId} className="flex max-h-[60vh] flex-1 flex-col gap-2 overflow-y-auto p-0.5">
          {children}
        </ul>
      )}
    </section>
  );
}
