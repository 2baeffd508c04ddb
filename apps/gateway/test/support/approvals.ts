import { type Approval, createGrant, type Db, notifyChange } from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";

/** Waits until the tenant has `count` approval rows (a held call has been recorded), newest last. */
export async function waitForApprovals(db: Db, tenantId: string, count = 1): Promise<Approval[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await db.approval.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${count} approval request(s) appeared for tenant ${tenantId}`);
}

/** What the dashboard's approvals service does: decide a pending request, then notify the gateways. */
export async function decideApproval(
  db: Db,
  approval: { id: string; tenantId: string },
  decision: "approved" | "denied",
  reason?: string,
): Promise<void> {
  const { count } = await db.approval.updateMany({
    where: { id: approval.id, tenantId: approval.tenantId, status: "pending" },
    data: { status: decision, reason: reason ?? null, decidedAt: new Date() },
  });
  if (count !== 1) throw new Error(`approval ${approval.id} was not pending`);
  await notifyChange(db, { kind: "approval", tenantId: approval.tenantId, approvalId: approval.id });
}

/** A second grant (another agent) of the same tenant, for the same server. */
export async function createSecondGrant(
  db: Db,
  tenantId: string,
  serverId: string,
): Promise<{ id: string; token: string }> {
  const token = generateToken("grt");
  const grant = await createGrant(db, tenantId, {
    label: "bob-ci",
    tokenHash: hashToken(token),
    tokenPrefix: tokenPrefix(token),
    serverId,
  });
  return { id: grant.id, token };
}
