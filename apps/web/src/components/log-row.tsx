"use client";

import Link from "next/link";
import type { MouseEvent } from "react";
import { Badge } from "./badge";
import { decisionLabel } from "./decision-label";
import { formatDateTime } from "./format";
import { ruleHelp, ruleLabel } from "./rule-label";
import { toneFor } from "./tones";

/** The fields of one call the logs table shows. */
export type LogRowData = {
  id: string;
  createdAt: Date;
  grantLabel: string;
  serverId: string;
  method: string;
  tool: string | null;
  decision: string;
  held?: boolean;
  rule: string | null;
  message: string | null;
  policyVersion: number | null;
  upstreamStatus: number | null;
  latencyMs: number;
};

/** Column headings with their widths; narrow screens hide the columns marked `hide`. */
export const logColumns: { label: string; width: string; hide?: string; align?: "right" }[] = [
  { label: "Time", width: "w-32 sm:w-44" },
  { label: "Grant", width: "w-32", hide: "hidden md:table-cell" },
  { label: "Server", width: "w-32", hide: "hidden 2xl:table-cell" },
  { label: "Tool / method", width: "sm:w-48" },
  { label: "Decision", width: "w-28 sm:w-36" },
  { label: "Rule", width: "w-40", hide: "hidden xl:table-cell" },
  { label: "Message", width: "", hide: "hidden lg:table-cell" },
  { label: "Latency", width: "w-24", hide: "hidden sm:table-cell", align: "right" },
];

const cell = "px-3 py-2 truncate";

/** One call as a single-line table row; a click anywhere on it opens the full record in the drawer. */
export function LogRow({
  row,
  serverName,
  detailHref,
  fresh = false,
}: {
  row: LogRowData;
  serverName: string;
  detailHref: string;
  fresh?: boolean;
}) {
  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    // The time cell is a real link (keyboard, middle-click); let it do its own navigation, and let a
    // click elsewhere on the row follow that same link.
    if (event.target instanceof Element && event.target.closest("a") !== null) return;
    event.currentTarget.querySelector("a")?.click();
  };
  const what = row.tool ?? row.method;
  const [timeColumn, grantColumn, serverColumn, , , ruleColumn, messageColumn, latencyColumn] = logColumns;
  return (
    <tr
      className={`cursor-pointer hover:bg-slate-50 ${fresh ? "bg-emerald-50" : ""}`}
      data-log-id={row.id}
      data-testid="log-row"
      onClick={open}
    >
      <td className={`${cell} text-slate-600 ${timeColumn?.hide ?? ""}`}>
        <Link
          href={detailHref}
          scroll={false}
          className="hover:underline"
          title={formatDateTime(row.createdAt)}
        >
          {formatDateTime(row.createdAt).replace(/ UTC$/, "")}
        </Link>
      </td>
      <td className={`${cell} font-medium ${grantColumn?.hide ?? ""}`} title={row.grantLabel}>
        {row.grantLabel}
      </td>
      <td className={`${cell} text-slate-600 ${serverColumn?.hide ?? ""}`} title={serverName}>
        {serverName}
      </td>
      <td
        className={`${cell} font-mono text-xs`}
        title={row.tool === null ? row.method : `${row.method} · ${row.tool}`}
      >
        {what}
      </td>
      <td className={cell}>
        <Badge tone={toneFor(row.decision)}>{decisionLabel(row.decision)}</Badge>
        {row.held === true && row.decision !== "approval_pending" ? (
          <span className="ml-1 hidden text-xs text-violet-700 sm:inline" title="Sent for approval">
            held
          </span>
        ) : null}
      </td>
      <td
        className={`${cell} font-mono text-xs text-slate-600 ${ruleColumn?.hide ?? ""}`}
        title={ruleHelp(row.rule) ?? row.rule ?? ""}
      >
        {ruleLabel(row.rule)}
      </td>
      <td className={`${cell} text-slate-600 ${messageColumn?.hide ?? ""}`} title={row.message ?? ""}>
        {row.message ?? ""}
      </td>
      <td className={`${cell} text-right tabular-nums ${latencyColumn?.hide ?? ""}`}>
        {row.latencyMs.toFixed(1)} ms
      </td>
    </tr>
  );
}
