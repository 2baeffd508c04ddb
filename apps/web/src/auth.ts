import type { Role } from "@toolgate/db";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate, credentialsSchema } from "./server/accounts/authenticate";
import { getDeps } from "./server/deps";

const roleSchema = z.enum(["admin", "policy_manager", "viewer"]);

// What the signed JWT carries between requests.
const identitySchema = z.object({
  userId: z.string().min(1),
  email: z.string(),
  tenantId: z.string().min(1),
  role: roleSchema,
});

export type SessionIdentity = { userId: string; email: string; tenantId: string; role: Role };

/** Reads the identity fields this app stores in the token; null when they are missing. */
export function identityFromToken(token: Record<string, unknown>): SessionIdentity | null {
  const parsed = identitySchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await authenticate(getDeps().db, parsed.data);
        if (user === null) return null;
        return { id: user.userId, email: user.email, tenantId: user.tenantId, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user !== undefined) {
        const identity = identitySchema.safeParse({ ...user, userId: user.id });
        if (identity.success) Object.assign(token, identity.data);
      }
      return token;
    },
    session({ session, token }) {
      const identity = identityFromToken(token);
      if (identity !== null) Object.assign(session, { identity });
      return session;
    },
  },
});
