import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { auth } from "../auth";
import { type LoadedSession, loadSession } from "./accounts/load-session";
import { AppError } from "./app-error";
import { getDeps } from "./deps";

const identityKeys = z.object({
  identity: z.object({ userId: z.string(), email: z.string(), tenantId: z.string() }),
});

/**
 * The signed-in user's context for a page or action. Visitors without a valid session
 * are sent to /login; the role is re-read from the database on every request (once per
 * request: the layout and the page share the result).
 */
export const requireSession = cache((): Promise<LoadedSession> => sessionOrLogin("/login"));

/** Like requireSession, but a visitor who is not signed in comes back to `path` after logging in. */
export function requireSessionReturningTo(path: string): Promise<LoadedSession> {
  return sessionOrLogin(`/login?next=${encodeURIComponent(path)}`);
}

async function sessionOrLogin(login: string): Promise<LoadedSession> {
  const parsed = identityKeys.safeParse(await auth());
  if (!parsed.success) redirect(login);
  try {
    return await loadSession(getDeps().db, parsed.data.identity);
  } catch (error) {
    if (error instanceof AppError && error.code === "no_membership") redirect(login);
    throw error;
  }
}
