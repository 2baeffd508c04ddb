import Link from "next/link";
import { Badge } from "./badge";
import { formatDateTime } from "./format";
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
  rule: string | null;
  message: string | null;
  policyVersion: number | null;
  upstreamStatus: number | null;
  latencyMs: number;
};

export const logColumns = [
  "Time",
  "Grant",
  "Server",
  "Method",
  "Tool",
  "Decision",
  "Rule",
  "Message",
  "Latency",
];

/** One call as a table row; everything from the call is rendered as text. */
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
  return (
    <tr className={`align-top ${fresh ? "bg-emerald-50" : ""}`} data-log-id={row.id}>
      <td className="px-3 py-2 whitespace-nowrap text-slate-600">
        <Link href={detailHref} scroll={false} className="hover:underline">
          {formatDateTime(row.createdAt)}
        </Link>
      </td>
      <td className="px-3 py-2 font-medium whitespace-nowrap">{row.grantLabel}</td>
      <td className="px-3 py-2 text-slate-600">{serverName}</td>
      <td className="px-3 py-2 font-mono text-xs">{row.method}</td>
      <td className="px-3 py-2 font-mono text-xs">{row.tool ?? "—"}</td>
      <td className="px-3 py-2">
        <Badge tone={toneFor(row.decision)}>{row.decision.replace("_", " ")}</Badge>
      </td>
      <td className="px-3 py-2 font-mono text-xs text-slate-600">{row.rule ?? "—"}</td>
      <td className="max-w-sm px-3 py-2 break-words text-slate-600">{row.message ?? ""}</td>
      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{row.latencyMs.toFixed(1)} ms</td>
    </tr>
  );
}
