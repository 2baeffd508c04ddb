import type { Db } from "../create-db";
import { EmailTakenError } from "../errors";
import type { Invite, Membership, Prisma, Role, Tenant, User } from "../generated/prisma/client";
import { newId } from "../new-id";
import { type DbClient, inTransaction } from "../transaction";
import { isUniqueViolation } from "../unique-violation";
import { AlreadyMemberError, InviteUnusableError } from "./membership-errors";

type Tx = Prisma.TransactionClient;

/** Stores an invite (only its token's hash) to join the tenant with a role. */
export async function createInvite(
  db: DbClient,
  tenantId: string,
  input: { role: Role; tokenHash: string; expiresAt: Date; createdById?: string | null },
): Promise<Invite> {
  return db.invite.create({
    data: {
      id: newId("inv"),
      tenantId,
      role: input.role,
      tokenHash: input.tokenHash,
      expiresAt: input.expiresAt,
      createdById: input.createdById ?? null,
    },
  });
}

/** The tenant's invites that are neither used nor expired, newest first. */
export async function listOpenInvites(db: Db, tenantId: string, now: Date): Promise<Invite[]> {
  return db.invite.findMany({
    where: { tenantId, usedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** Withdraws an unused invite; false when it is not the tenant's or was used already. */
export async function revokeInvite(db: DbClient, tenantId: string, inviteId: string): Promise<boolean> {
  const { count } = await db.invite.deleteMany({ where: { id: inviteId, tenantId, usedAt: null } });
  return count > 0;
}

/** An open invite by its token hash, with its tenant (identity lookup, so not tenant-scoped). */
export async function findOpenInvite(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<(Invite & { tenant: Tenant }) | null> {
  return db.invite.findFirst({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    include: { tenant: true },
  });
}

// Marks the invite used in the same statement that checks it, so two people cannot both use it.
async function claimInvite(tx: Tx, tokenHash: string, now: Date): Promise<Invite> {
  const { count } = await tx.invite.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const invite = count === 1 ? await tx.invite.findUnique({ where: { tokenHash } }) : null;
  if (invite === null) throw new InviteUnusableError();
  return invite;
}

/** Adds an existing user to the invite's tenant with its role, using the invite up. */
export async function acceptInviteAsUser(
  db: DbClient,
  input: { tokenHash: string; userId: string; now: Date },
): Promise<Membership> {
  try {
    return await inTransaction(db, async (tx) => {
      const invite = await claimInvite(tx, input.tokenHash, input.now);
      const existing = await tx.membership.findUnique({
        where: { tenantId_userId: { tenantId: invite.tenantId, userId: input.userId } },
      });
      if (existing !== null) throw new AlreadyMemberError();
      return tx.membership.create({
        data: { id: newId("mem"), tenantId: invite.tenantId, userId: input.userId, role: invite.role },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyMemberError();
    throw error;
  }
}

/** Creates a new user straight into the invite's tenant with its role, using the invite up. */
export async function acceptInviteAsNewUser(
  db: DbClient,
  input: { tokenHash: string; email: string; passwordHash: string; name?: string | null; now: Date },
): Promise<{ user: User; membership: Membership }> {
  const email = input.email.trim().toLowerCase();
  try {
    return await inTransaction(db, async (tx) => {
      const invite = await claimInvite(tx, input.tokenHash, input.now);
      if ((await tx.user.findUnique({ where: { email }, select: { id: true } })) !== null) {
        throw new EmailTakenError(email);
      }
      const user = await tx.user.create({
        data: { id: newId("usr"), email, passwordHash: input.passwordHash, name: input.name ?? null },
      });
      const membership = await tx.membership.create({
        data: { id: newId("mem"), tenantId: invite.tenantId, userId: user.id, role: invite.role },
      });
      return { user, membership };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(email, { cause: error });
    throw error;
  }
}
