import type { Metadata } from "next";
import { ActionButton } from "@/components/action-button";
import { Badge } from "@/components/badge";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import { can } from "@/server/context";
import { getDeps } from "@/server/deps";
import { listInvites } from "@/server/invites/list-invites";
import { listMembers } from "@/server/members/list-members";
import { requireSession } from "@/server/session";
import { removeMemberAction, revokeInviteAction } from "./actions";
import { InviteForm, roleLabels } from "./invite-form";
import { RoleSelect } from "./role-select";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const session = await requireSession();
  const { db } = getDeps();
  const canManage = can(session.ctx.role, "manage_members");
  const [members, invites] = await Promise.all([
    listMembers(db, session.ctx),
    canManage ? listInvites(db, session.ctx) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader
        title="Members"
        description="Admins manage members and everything else; policy managers edit servers, policies and grants; viewers read."
      />
      {canManage ? (
        <section aria-labelledby="invite-heading" className={`${styles.card} mb-8 p-6`}>
          <h2 id="invite-heading" className="mb-4 text-base font-semibold">
            Invite someone
          </h2>
          <InviteForm />
        </section>
      ) : null}
      <section aria-labelledby="member-list" className={`${styles.card} relative mb-8 overflow-x-auto`}>
        <h2 id="member-list" className="sr-only">
          Members
        </h2>
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Member
              </th>
              <th scope="col" className="px-4 py-3">
                Role
              </th>
              <th scope="col" className="px-4 py-3">
                Joined
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((member) => (
              <tr key={member.id}>
                <td className="px-4 py-3 font-medium">
                  {member.email} {member.isYou ? <Badge tone="blue">you</Badge> : null}
                </td>
                <td className="px-4 py-3">
                  {canManage ? (
                    <RoleSelect membershipId={member.id} role={member.role} email={member.email} />
                  ) : (
                    (roleLabels[member.role] ?? member.role)
                  )}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                  {formatDateTime(member.joinedAt)}
                </td>
                <td className="px-4 py-3 text-right">
                  {canManage ? (
                    <ActionButton
                      action={removeMemberAction}
                      fields={{ membershipId: member.id }}
                      label="Remove"
                      confirm={{ text: `${member.email} loses access at once.`, label: "Confirm remove" }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canManage && invites.length > 0 ? (
        <section aria-labelledby="invite-list" className={`${styles.card} overflow-x-auto`}>
          <h2 id="invite-list" className="px-4 pt-4 text-base font-semibold">
            Open invites
          </h2>
          <ul className="divide-y divide-slate-100">
            {invites.map((invite) => (
              <li key={invite.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
                <span>
                  {roleLabels[invite.role] ?? invite.role} · expires {formatDateTime(invite.expiresAt)}
                </span>
                <ActionButton
                  action={revokeInviteAction}
                  fields={{ inviteId: invite.id }}
                  label="Revoke invite"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
