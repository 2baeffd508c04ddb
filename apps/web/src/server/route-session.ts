import { z } from "zod";
import { auth } from "../auth";
import { type LoadedSession, loadSession } from "./accounts/load-session";
import { AppError } from "./app-error";
import { getDeps } from "./deps";

const identityKeys = z.object({
  identity: z.object({ userId: z.string(), email: z.string(), tenantId: z.string() }),
});

/** The signed-in user's context for a route handler, or null (the handler answers 401, not a redirect). */
export async function routeSession(): Promise<LoadedSession | null> {
  const parsed = identityKeys.safeParse(await auth());
  if (!parsed.success) return null;
  try {
    return await loadSession(getDeps().db, parsed.data.identity);
  } catch (error) {
    if (error instanceof AppError && error.code === "no_membership") return null;
    throw error;
  }
}
