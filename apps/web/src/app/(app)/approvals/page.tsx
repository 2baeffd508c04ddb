import type { Metadata } from "next";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { listPendingApprovals } from "@/server/approvals/list-pending-approvals";
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
  const [approvals, servers, grants] = await Promise.all([
    listPendingApprovals(db, session.ctx),
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
        <p className={`${styles.card} p-10 text-center text-sm text-slate-600`}>
          No calls are waiting for approval.
        </p>
      ) : (
        <ul aria-label="Pending approvals" className="flex flex-col gap-4">
          {approvals.map((approval) => (
            <li key={approval.id} className={`${styles.card} p-6`} data-testid="approval">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-base font-semibold">
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
                <dd className="font-mono text-xs">{approval.rule}</dd>
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
    </>
  );
}
