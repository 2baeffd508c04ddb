import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import { routeSession } from "@/server/route-session";
import { quickSearchIndex } from "@/server/search/quick-search-index";

export const dynamic = "force-dynamic";

/** The command palette's entries (servers, tools, grants), fetched when it first opens. */
export async function GET(): Promise<Response> {
  const session = await routeSession();
  if (session === null) return Response.json({ error: "Log in again." }, { status: 401 });
  try {
    const items = await quickSearchIndex(getDeps().db, session.ctx);
    return Response.json({ items }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return Response.json({ error: userMessage(error) }, { status: 500 });
  }
}
