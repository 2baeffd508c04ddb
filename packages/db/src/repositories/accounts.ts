import type { Db } from "../create-db";
import { EmailTakenError } from "../errors";
import type { Membership, Tenant, User } from "../generated/prisma/client";
import { newId } from "../new-id";
import { insertWithUniqueSlug } from "./unique-slug";

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Signs up: creates the user, a tenant with a unique slug and an admin membership, in one transaction. */
export async function createUserWithTenant(
  db: Db,
  input: { email: string; passwordHash: string; name?: string; tenantName: string },
): Promise<{ user: User; tenant: Tenant; membership: Membership }> {
  const email = normalizeEmail(input.email);
  const emailTaken = async () =>
    (await db.user.findUnique({ where: { email }, select: { id: true } })) !== null;
  if (await emailTaken()) throw new EmailTakenError(email);
  try {
    return await insertWithUniqueSlug({
      name: input.tenantName,
      fallback: "org",
      takenSlugs: (base) => takenTenantSlugs(db, base),
      // a concurrent sign-up with the same e-mail also violates a unique index: not a slug clash
      isSlugConflict: async () => !(await emailTaken()),
      insert: (slug) =>
        db.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: { id: newId("usr"), email, passwordHash: input.passwordHash, name: input.name ?? null },
          });
          const tenant = await tx.tenant.create({ data: { id: newId("ten"), slug, name: input.tenantName } });
          const membership = await tx.membership.create({
            data: { id: newId("mem"), tenantId: tenant.id, userId: user.id, role: "admin" },
          });
          return { user, tenant, membership };
        }),
    });
  } catch (error) {
    if (await emailTaken()) throw new EmailTakenError(email, { cause: error });
    throw error;
  }
}

async function takenTenantSlugs(db: Db, base: string): Promise<string[]> {
  const rows = await db.tenant.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}

/** The user with this e-mail (compared lower-cased), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  return db.user.findUnique({ where: { email: normalizeEmail(email) } });
}

/** The user's memberships with their tenants, oldest first. */
export async function listMemberships(db: Db, userId: string): Promise<(Membership & { tenant: Tenant })[]> {
  return db.membership.findMany({
    where: { userId },
    include: { tenant: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The tenant, or null. */
export async function getTenant(db: Db, tenantId: string): Promise<Tenant | null> {
  return db.tenant.findUnique({ where: { id: tenantId } });
}

/** The tenant with this slug, or null. */
export async function getTenantBySlug(db: Db, slug: string): Promise<Tenant | null> {
  return db.tenant.findUnique({ where: { slug } });
}
