import type { Role } from "@toolgate/db";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { credentialsSchema } from "./server/accounts/authenticate";
import { logIn } from "./server/accounts/log-in";
import { clientIp } from "./server/accounts/login-rate-limit";
import { AppError } from "./server/app-error";
import { getDeps } from "./server/deps";
import { sessionCookieConfig } from "./server/security/session-cookie";

/** A refused login whose `code` the login form turns into a message (it reaches the URL, so no detail). */
export class LoginRefused extends CredentialsSignin {
  constructor(code: "rate_limited" | "unavailable", options?: { cause?: unknown }) {
    super(code, options);
    this.code = code;
  }
}

const roleSchema = z.enum(["admin", "policy_manager", "viewer"]);

// What the signed JWT carries between requests.
const identitySchema = z.object({
  userId: z.string().min(1),
  email: z.string(),
  tenantId: z.string().min(1),
  role: roleSchema,
});

declare module "next-auth" {
  // What a client may send to `updateSession` to switch organisation (validated in the jwt callback).
  interface Session {
    tenantId?: string;
  }
}

const switchSchema = z.object({ tenantId: z.string().min(1) });

export type SessionIdentity = { userId: string; email: string; tenantId: string; role: Role };

/** Reads the identity fields this app stores in the token; null when they are missing. */
export function identityFromToken(token: Record<string, unknown>): SessionIdentity | null {
  const parsed = identitySchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

export const {
  handlers,
  auth,
  signIn,
  signOut,
  unstable_update: updateSession,
} = NextAuth({
  trustHost: true,
  // AUTH_URL is read where next-auth reads it, at module load: https gives a __Host- session cookie.
  ...sessionCookieConfig(process.env.AUTH_URL),
  session: { strategy: "jwt" },
  pages: { signIn: "/login" },
  logger: {
    error(error) {
      // A wrong password is an expected outcome, not a fault: one line on the console, no stack trace.
      if (error instanceof CredentialsSignin) {
        console.warn(`[auth] login refused (${error.code})`);
        return;
      }
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        let user: Awaited<ReturnType<typeof logIn>>;
        try {
          user = await logIn(getDeps(), parsed.data, clientIp(request.headers));
        } catch (error) {
          if (error instanceof AppError && (error.code === "rate_limited" || error.code === "unavailable")) {
            throw new LoginRefused(error.code, { cause: error });
          }
          throw error;
        }
        if (user === null) return null;
        return { id: user.userId, email: user.email, tenantId: user.tenantId, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user !== undefined) {
        const identity = identitySchema.safeParse({ ...user, userId: user.id });
        if (identity.success) Object.assign(token, identity.data);
      }
      // Switching organisation: the membership is checked again on every request (loadSession).
      const switched = switchSchema.safeParse(session);
      if (trigger === "update" && switched.success) token.tenantId = switched.data.tenantId;
      return token;
    },
    session({ session, token }) {
      const identity = identityFromToken(token);
      if (identity !== null) Object.assign(session, { identity });
      return session;
    },
  },
});
