import { type Db, findUserByEmail, listMemberships, type Role } from "@toolgate/db";
import { verifyPassword } from "@toolgate/secrets";
import { z } from "zod";

export const credentialsSchema = z.object({
  email: z.email().trim().toLowerCase(),
  password: z.string().min(1).max(200),
});

export type Credentials = z.infer<typeof credentialsSchema>;

export type AuthenticatedUser = { userId: string; email: string; tenantId: string; role: Role };

/** Checks an email and password; returns the user and their first organisation, or null. */
export async function authenticate(db: Db, credentials: Credentials): Promise<AuthenticatedUser | null> {
  const user = await findUserByEmail(db, credentials.email);
  if (user === null) return null;
  if (!(await verifyPassword(credentials.password, user.passwordHash))) return null;
  const [membership] = await listMemberships(db, user.id);
  if (membership === undefined) return null;
  return { userId: user.id, email: user.email, tenantId: membership.tenantId, role: membership.role };
}
