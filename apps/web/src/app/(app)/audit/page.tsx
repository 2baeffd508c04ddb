import type { Metadata } from "next";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { assertCan } from "@/server/context";
import { getDeps } from "@/server/deps";
import { listMembers } from "@/server/members/list-members";
import { requireSession } from "@/server/session";

export const metadata: Metadata = { title: "Audit log" };

const actionLabels: Record<string, string> = {
  "policy.published": "Policy published",
  "policy.rolled_back": "Policy rolled back",
  "grant.created": "Grant created",
  "grant.revoked": "Grant revoked",
  "grant.rotated": "Grant rotated",
  "server.created": "Server added",
  "server.updated": "Server changed",
  "server.rescanned": "Server re-scanned",
  "server.deleted": "Server deleted",
  "tool.definition_accepted": "Pinned definition accepted",
  "tool.class_overridden": "Tool class overridden",
  "member.invited": "Member invited",
  "member.invite_revoked": "Invite revoked",
  "member.joined": "Member joined",
  "member.role_changed": "Member role changed",
  "member.removed": "Member removed",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "grant.updated": "Grant changed",
  "approval.approved": "Call approved",
  "approval.denied": "Call denied",
  "tool.discovered": "Tool discovered",
  "tool.quarantined": "Tool quarantined",
  "server.catalogue_published": "Listed in the public catalogue",
  "server.catalogue_withdrawn": "Withdrawn from the public catalogue",
  "webhook.created": "Webhook added",
  "webhook.deleted": "Webhook deleted",
  "oauth.consent_denied": "OAuth sign-in declined",
};

export default async function AuditPage() {
  const session = await requireSession();
  // Admins only: the audit stream names every member and what they did.
  assertCan(session.ctx, "read_audit");
  const { db } = getDeps();
  const [events, members] = await Promise.all([
    listAuditEvents(db, session.ctx, 200),
    listMembers(db, session.ctx),
  ]);
  const emails = new Map(members.map((member) => [member.userId, member.email]));

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Admin actions in this organisation, newest first (the latest 200)."
      />
      <div className={`${styles.card} relative overflow-x-auto`}>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              {["Time", "Who", "Action", "Target", "Details"].map((heading) => (
                <th key={heading} scope="col" className="px-4 py-3">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((event) => (
              <tr key={event.id} className="align-top">
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                  {formatDateTime(event.createdAt)}
                </td>
                <td className="px-4 py-3">
                  {event.actorUserId === null
                    ? event.actorLabel || "system"
                    : (emails.get(event.actorUserId) ?? `former member ${event.actorUserId}`)}
                </td>
                <td className="px-4 py-3 font-medium">{actionLabels[event.action] ?? event.action}</td>
                <td className="px-4 py-3 font-mono text-xs text-slate-600">
                  {event.targetType} {event.targetId}
                </td>
                <td className="max-w-md px-4 py-3 font-mono text-xs break-all text-slate-600">
                  {event.data === null ? "" : JSON.stringify(event.data)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {events.length === 0 ? (
          <p className="p-10 text-center text-sm text-slate-600">No admin actions yet.</p>
        ) : null}
      </div>
    </>
  );
}
