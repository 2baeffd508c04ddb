import { createUserWithTenant, type Db } from "@toolgate/db";
import { hashPassword } from "@toolgate/secrets";
import { z } from "zod";

export const signUpInputSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase(),
  password: z
    .string()
    .min(10, "Use at least 10 characters for the password.")
    .max(200, "Use at most 200 characters for the password."),
  organisationName: z
    .string()
    .trim()
    .min(2, "Enter your organisation's name.")
    .max(80, "Keep the organisation name under 80 characters."),
});

export type SignUpInput = z.infer<typeof signUpInputSchema>;

/** Creates a user, their organisation (tenant) and an admin membership. */
export async function signUp(db: Db, input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  const { user, tenant, membership } = await createUserWithTenant(db, {
    email: input.email,
    passwordHash,
    tenantName: input.organisationName,
  });
  return { userId: user.id, tenantId: tenant.id, tenantSlug: tenant.slug, role: membership.role };
}
