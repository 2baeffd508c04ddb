import type { Metadata } from "next";
import { Badge } from "@/components/badge";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { listPendingApprovals } from "@/server/approvals/list-pending-approvals";
import { listRecentDecisions } from "@/server/approvals/list-recent-decisions";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { listGrants } from "@/server/grants/list-grants";
import { listServers } from "@/server/servers/list-servers";
import { requireSession } from "@/server/session";
import { DecideApprovalForm } from "./decide-approval-form";
import { RefreshEvery } from "./refresh-every";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const session = await requireSession();
  const { db } = getDeps();
  const [approvals, decisions, servers, grants] = await Promise.all([
    listPendingApprovals(db, session.ctx),
    listRecentDecisions(db, session.ctx),
    listServers(db, session.ctx),
    listGrants(db, session.ctx),
  ]);
  const serverNames = new Map(servers.map((server) => [server.id, server.name]));
  const grantLabels = new Map(grants.map((grant) => [grant.id, grant.label]));
  const canDecide = can(session.ctx.role, "manage_policies");

  return (
    <>
      <RefreshEvery seconds={3} />
      <PageHeader
        title="Approvals"
        description="Calls held by a require_approval rule wait here until you approve or deny them, or they expire. An approval runs that exact call once."
      />
      {approvals.length === 0 ? (
        <EmptyState
          title="No calls are waiting for approval."
          description="A tool in the Require approval lane holds each call here until someone approves or denies it."
          action={{ href: "/servers", label: "Choose tools that need approval" }}
        />
      ) : (
        <ul aria-label="Pending approvals" className="flex flex-col gap-4">
          {approvals.map((approval) => (
            <li key={approval.id} className={`${styles.card} p-6`} data-testid="approval">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="min-w-0 text-base font-semibold [overflow-wrap:anywhere]">
                  <span className="font-mono">{approval.tool}</span> on{" "}
                  {serverNames.get(approval.serverId) ?? approval.serverId}
                </h2>
                <p className="text-xs text-slate-600">
                  Requested {formatDateTime(approval.createdAt)} · expires{" "}
                  {formatDateTime(approval.expiresAt)}
                </p>
              </div>
              <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">Agent (grant)</dt>
                <dd>{grantLabels.get(approval.grantId) ?? approval.grantId}</dd>
                <dt className="text-slate-600">Rule</dt>
                <dd className="min-w-0 font-mono text-xs [overflow-wrap:anywhere]">{approval.rule}</dd>
              </dl>
              <h3 className="mt-4 text-sm font-medium text-slate-700">Arguments</h3>
              <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs">
                {JSON.stringify(approval.arguments, null, 2)}
              </pre>
              {canDecide ? (
                <div className="mt-4">
                  <DecideApprovalForm approvalId={approval.id} tool={approval.tool} />
                </div>
              ) : (
                <p className="mt-4 text-xs text-slate-600">
                  Admins and policy managers can decide this call.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="mt-10" aria-label="Recent decisions">
        <h2 className="mb-3 text-base font-semibold">Recent decisions</h2>
        {decisions.length === 0 ? (
          <p className="text-sm text-slate-600">Approved and denied calls will be listed here.</p>
        ) : (
          <ul className={`${styles.card} divide-y divide-slate-100`}>
            {decisions.map((decision) => (
              <li
                key={decision.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm"
                data-testid="recent-decision"
              >
                <Badge tone={decision.status === "denied" ? "red" : "green"}>
                  {decision.status === "denied" ? "denied" : "approved"}
                </Badge>
                <span className="min-w-0 font-mono text-xs [overflow-wrap:anywhere]">{decision.tool}</span>
                <span className="text-slate-600">
                  on {serverNames.get(decision.serverId) ?? decision.serverId} for{" "}
                  {grantLabels.get(decision.grantId) ?? decision.grantId}
                </span>
                {decision.reason !== null ? (
                  <span className="min-w-0 text-slate-600 italic [overflow-wrap:anywhere]">
                    “{decision.reason}”
                  </span>
                ) : null}
                <span className="ml-auto text-xs text-slate-500">
                  {decision.decidedBy ?? "someone"} · {formatDateTime(decision.decidedAt)}
                  {decision.status === "used" ? " · ran" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
