import type { Db } from "../create-db";
import type { Membership, Prisma, Role } from "../generated/prisma/client";
import { type DbClient, inTransaction } from "../transaction";
import { LastAdminError } from "./membership-errors";

type Tx = Prisma.TransactionClient;

export type MemberRow = Membership & { user: { id: string; email: string; name: string | null } };

/** The tenant's members with their users' public fields, oldest first. */
export async function listMembers(db: Db, tenantId: string): Promise<MemberRow[]> {
  return db.membership.findMany({
    where: { tenantId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

// Locks the tenant's admin rows so concurrent demotions/removals are serialised; under READ
// COMMITTED a waiting transaction re-checks `role = 'admin'`, so it counts what was committed.
async function lockAdminIds(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "tenantId" = ${tenantId} AND role = 'admin' FOR UPDATE`;
  return rows.map((row) => row.id);
}

function leavesNoAdmin(adminIds: string[], membershipId: string): boolean {
  return adminIds.length === 1 && adminIds[0] === membershipId;
}

/** Changes a member's role; null when not the tenant's. Never demotes the last admin (LastAdminError). */
export async function changeMemberRole(
  db: DbClient,
  tenantId: string,
  membershipId: string,
  role: Role,
): Promise<Membership | null> {
  return inTransaction(db, async (tx) => {
    const adminIds = await lockAdminIds(tx, tenantId);
    const member = await tx.membership.findFirst({ where: { id: membershipId, tenantId } });
    if (member === null) return null;
    if (role !== "admin" && leavesNoAdmin(adminIds, member.id)) throw new LastAdminError();
    return tx.membership.update({ where: { id: member.id }, data: { role } });
  });
}

/** Removes a member; null when not the tenant's. Never removes the last admin (LastAdminError). */
export async function removeMember(
  db: DbClient,
  tenantId: string,
  membershipId: string,
): Promise<Membership | null> {
  return inTransaction(db, async (tx) => {
    const adminIds = await lockAdminIds(tx, tenantId);
    const member = await tx.membership.findFirst({ where: { id: membershipId, tenantId } });
    if (member === null) return null;
    if (leavesNoAdmin(adminIds, member.id)) throw new LastAdminError();
    await tx.membership.delete({ where: { id: member.id } });
    return member;
  });
}
