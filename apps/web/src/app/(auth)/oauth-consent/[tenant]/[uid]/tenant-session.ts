import { listMemberships } from "@toolgate/db";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/auth";
import type { SessionContext } from "@/server/context";
import { getDeps } from "@/server/deps";

const identitySchema = z.object({ identity: z.object({ userId: z.string() }) });

/** The signed-in member's context in the organisation of the URL; visitors sign in first and come back. */
export async function requireTenantSession(
  tenantSlug: string,
  returnPath: string,
): Promise<SessionContext | null> {
  const parsed = identitySchema.safeParse(await auth());
  if (!parsed.success) redirect(`/login?next=${encodeURIComponent(returnPath)}`);
  const memberships = await listMemberships(getDeps().db, parsed.data.identity.userId);
  const membership = memberships.find((m) => m.tenant.slug === tenantSlug);
  if (membership === undefined) return null;
  return { userId: parsed.data.identity.userId, tenantId: membership.tenantId, role: membership.role };
}
