import { type Db, listMemberships } from "@toolgate/db";
import { AppError } from "../app-error";
import type { SessionContext } from "../context";

export type LoadedSession = {
  ctx: SessionContext;
  email: string;
  tenant: { id: string; name: string; slug: string };
};

/**
 * Resolves the signed-in user's membership from the database, so a role change or removal
 * takes effect on the next request rather than when the session cookie expires.
 */
export async function loadSession(db: Db, identity: { userId: string; tenantId: string; email: string }) {
  const memberships = await listMemberships(db, identity.userId);
  const membership = memberships.find((m) => m.tenantId === identity.tenantId) ?? memberships[0];
  if (membership === undefined) throw new AppError("no_membership", "No membership for this user.");
  const loaded: LoadedSession = {
    ctx: { userId: identity.userId, tenantId: membership.tenantId, role: membership.role },
    email: identity.email,
    tenant: { id: membership.tenant.id, name: membership.tenant.name, slug: membership.tenant.slug },
  };
  return loaded;
}
