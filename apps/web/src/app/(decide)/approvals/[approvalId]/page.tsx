import type { Metadata } from "next";
import { Badge } from "@/components/badge";
import { formatDateTime } from "@/components/format";
import { toneFor } from "@/components/tones";
import { getApproval } from "@/server/approvals/get-approval";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import { requireSessionReturningTo } from "@/server/session";
import { DecideForm } from "./decide-form";

export const metadata: Metadata = { title: "Approval request" };

/** One approval request, opened from a notification's approve/deny link: sign in, then decide it. */
export default async function ApprovalDecisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ approvalId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { approvalId } = await params;
  const { decision } = await searchParams;
  const suggested = decision === "approve" || decision === "deny" ? decision : null;
  const here = `/approvals/${encodeURIComponent(approvalId)}${suggested === null ? "" : `?decision=${suggested}`}`;
  const session = await requireSessionReturningTo(here);
  let approval: Awaited<ReturnType<typeof getApproval>>;
  try {
    approval = await getApproval(getDeps().db, session.ctx, approvalId);
  } catch (error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {userMessage(error)} If it belongs to another organisation, switch organisation in the dashboard
        first.
      </p>
    );
  }
  const pending = approval.status === "pending" && approval.expiresAt.getTime() > Date.now();
  const status = approval.status === "pending" && !pending ? "expired" : approval.status;
  // "used" is an approval whose call has run: for a reviewer, it was approved.
  const label = status === "used" ? "approved · call ran" : status;
  return (
    <article aria-label="Approval request">
      <div className="flex items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">
          <span className="font-mono">{approval.tool}</span>
        </h1>
        <span data-testid="approval-status">
          <Badge tone={toneFor(status)}>{label}</Badge>
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        Requested {formatDateTime(approval.createdAt)} · expires {formatDateTime(approval.expiresAt)}
      </p>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Rule</dt>
        <dd className="font-mono text-xs">{approval.rule}</dd>
        <dt className="text-slate-600">Grant</dt>
        <dd className="font-mono text-xs">{approval.grantId}</dd>
        {approval.reason !== null ? (
          <>
            <dt className="text-slate-600">Reason</dt>
            <dd>{approval.reason}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="mt-4 text-sm font-medium text-slate-700">Arguments</h2>
      <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs">
        {JSON.stringify(approval.arguments, null, 2)}
      </pre>
      <div className="mt-6">
        {!pending ? (
          <p className="text-sm text-slate-600">This request is {label}; there is nothing left to decide.</p>
        ) : can(session.ctx.role, "manage_policies") ? (
          <DecideForm approvalId={approval.id} suggested={suggested} />
        ) : (
          <p className="text-sm text-slate-600">Admins and policy managers can decide this call.</p>
        )}
      </div>
    </article>
  );
}
