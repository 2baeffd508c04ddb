import type { Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { type ApprovalView, toApprovalView } from "./approval-view";

const RECENT = 10;

/** A decided approval with who decided it. */
export type DecisionView = ApprovalView & { decidedBy: string | null };

/** The tenant's latest approve/deny decisions, newest first, with the deciding member's email. */
export async function listRecentDecisions(db: Db, ctx: SessionContext): Promise<DecisionView[]> {
  assertCan(ctx, "read");
  const rows = await db.approval.findMany({
    where: { tenantId: ctx.tenantId, decidedAt: { not: null } },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: RECENT,
  });
  const deciderIds = [...new Set(rows.flatMap((row) => (row.decidedById === null ? [] : [row.decidedById])))];
  // Only members of this tenant decide its approvals, so their emails are the tenant's to show.
  const users =
    deciderIds.length === 0
      ? []
      : await db.user.findMany({ where: { id: { in: deciderIds } }, select: { id: true, email: true } });
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return rows.map((row) => ({
    ...toApprovalView(row),
    decidedBy: row.decidedById === null ? null : (emails.get(row.decidedById) ?? null),
  }));
}
