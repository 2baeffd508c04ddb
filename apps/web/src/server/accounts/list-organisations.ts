import { type Db, listMemberships } from "@toolgate/db";

/** The organisations the signed-in user belongs to, for the organisation switcher. */
export async function listOrganisations(db: Db, userId: string) {
  const memberships = await listMemberships(db, userId);
  return memberships.map((m) => ({ tenantId: m.tenantId, name: m.tenant.name, role: m.role }));
}
