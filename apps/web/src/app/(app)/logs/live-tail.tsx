"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { LogRow, type LogRowData, logColumns } from "@/components/log-row";
import { styles } from "@/components/styles";

type TailRow = Omit<LogRowData, "createdAt"> & { createdAt: string };
type Props = {
  after: string;
  filters: string;
  serverNames: Record<string, string>;
  detailBase: string;
  // Tail only on the newest page; older pages are history.
  enabled: boolean;
  children: ReactNode;
};

const POLL_MS = 2000;
const MAX_ROWS = 500;

function isTailResponse(value: unknown): value is { rows: TailRow[]; after: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    "rows" in value &&
    Array.isArray(value.rows) &&
    "after" in value
  );
}

/** The logs table; polls for calls newer than the newest shown and puts them on top. */
export function LiveTailTable({ after, filters, serverNames, detailBase, enabled, children }: Props) {
  const [rows, setRows] = useState<TailRow[]>([]);
  const [live, setLive] = useState(enabled);
  const [problem, setProblem] = useState<string | null>(null);
  const position = useRef(after);

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const poll = async () => {
      try {
        const query = new URLSearchParams(filters);
        query.set("after", position.current);
        const response = await fetch(`/logs/tail?${query}`, { cache: "no-store" });
        const body: unknown = await response.json();
        if (!response.ok || !isTailResponse(body)) throw new Error(`HTTP ${response.status}`);
        if (stopped) return;
        position.current = body.after;
        setProblem(null);
        if (body.rows.length > 0)
          setRows((current) => [...body.rows.reverse(), ...current].slice(0, MAX_ROWS));
      } catch {
        if (!stopped) setProblem("Live tail paused: the dashboard could not be reached. Retrying…");
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [live, filters]);

  return (
    <div className={`${styles.card} relative overflow-hidden`}>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-3 py-2 text-xs text-slate-600">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={live}
            disabled={!enabled}
            onChange={(event) => setLive(event.target.checked)}
          />
          Live tail
        </label>
        <span>
          {!enabled ? "on the newest page only" : live ? "new calls appear on top every 2 s" : "paused"}
        </span>
        {problem !== null ? <span className="text-amber-700">{problem}</span> : null}
      </div>
      <table className="w-full table-fixed divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {logColumns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`truncate px-3 py-3 ${column.width} ${column.hide ?? ""} ${column.align === "right" ? "text-right" : ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="live-rows">
          {rows.map((row) => (
            <LogRow
              key={row.id}
              row={{ ...row, createdAt: new Date(row.createdAt) }}
              serverName={serverNames[row.serverId] ?? "(deleted)"}
              detailHref={`${detailBase}${detailBase.includes("?") ? "&" : "?"}entry=${encodeURIComponent(row.id)}`}
              fresh
            />
          ))}
        </tbody>
        {children}
      </table>
    </div>
  );
}
