import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/badge";
import { decisionHelp, decisionLabel } from "@/components/decision-label";
import { formatDateTime } from "@/components/format";
import { ruleHelp, ruleLabel } from "@/components/rule-label";
import { toneFor } from "@/components/tones";
import type { LogRowView } from "@/server/logs/list-logs";

type Props = { entry: LogRowView | null; closeHref: string; serverNames: Record<string, string> };

/** One call in full, in a panel over the page; closing returns to the same list. */
export function LogDrawer({ entry, closeHref, serverNames }: Props) {
  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="log-entry-heading"
      className="fixed inset-y-0 right-0 z-20 w-full max-w-md overflow-y-auto bg-white p-6 shadow-xl ring-1 ring-slate-200"
    >
      <div className="mb-4 flex items-center justify-between">
        <h2 id="log-entry-heading" className="text-base font-semibold">
          Call details
        </h2>
        <Link
          href={closeHref}
          scroll={false}
          className="text-sm font-medium text-slate-600 hover:text-slate-900"
        >
          Close
        </Link>
      </div>
      {entry === null ? (
        <p className="text-sm text-slate-600">
          That call record does not exist, or it belongs to another organisation.
        </p>
      ) : (
        <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm" data-testid="log-entry">
          <Item label="Time">{formatDateTime(entry.createdAt)}</Item>
          <Item label="Request id" mono>
            {entry.id}
          </Item>
          <Item label="Grant">
            {entry.grantLabel} <span className="font-mono text-xs text-slate-500">{entry.grantId}</span>
          </Item>
          <Item label="Server">{serverNames[entry.serverId] ?? `(deleted) ${entry.serverId}`}</Item>
          <Item label="Session" mono>
            {entry.sessionId ?? "—"}
          </Item>
          <Item label="Method" mono>
            {entry.method}
          </Item>
          <Item label="Tool" mono>
            {entry.tool ?? "—"}
          </Item>
          <Item label="Decision">
            <Badge tone={toneFor(entry.decision)}>{decisionLabel(entry.decision)}</Badge>
            <span className="mt-1 block text-xs text-slate-500">{decisionHelp[entry.decision] ?? ""}</span>
          </Item>
          <Item label="Sent for approval">{entry.held ? "yes" : "no"}</Item>
          <Item label="Rule" mono>
            {ruleLabel(entry.rule)}
            {ruleHelp(entry.rule) !== null ? (
              <span className="mt-1 block font-sans text-xs text-slate-500">{ruleHelp(entry.rule)}</span>
            ) : null}
          </Item>
          <Item label="Message">
            <span className="whitespace-pre-wrap">{entry.message ?? "—"}</span>
          </Item>
          <Item label="Policy version">{entry.policyVersion ?? "—"}</Item>
          <Item label="Upstream status">{entry.upstreamStatus ?? "—"}</Item>
          <Item label="Latency">{entry.latencyMs.toFixed(1)} ms</Item>
          <Item label="Argument keys" mono>
            {entry.argumentKeys.length === 0 ? "none" : entry.argumentKeys.join(", ")}
          </Item>
        </dl>
      )}
    </aside>
  );
}

function Item({ label, mono = false, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className={`min-w-0 [overflow-wrap:anywhere] ${mono ? "font-mono text-xs" : ""}`}>{children}</dd>
    </>
  );
}
