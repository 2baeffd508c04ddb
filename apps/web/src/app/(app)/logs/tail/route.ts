import { z } from "zod";
import { getDeps } from "@/server/deps";
import { userMessage } from "@/server/errors";
import { logQuerySchema } from "@/server/logs/list-logs";
import { tailLogs } from "@/server/logs/tail-logs";
import { routeSession } from "@/server/route-session";

export const dynamic = "force-dynamic";

const afterSchema = z.string().min(3).max(200);

/** The live tail: calls newer than `after`, polled by the logs page every ~2 s. */
export async function GET(request: Request): Promise<Response> {
  const session = await routeSession();
  if (session === null) return Response.json({ error: "Log in again." }, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const after = afterSchema.safeParse(params.after);
  if (!after.success)
    return Response.json({ error: "Pass the newest row's position as `after`." }, { status: 400 });
  try {
    const page = await tailLogs(getDeps().db, session.ctx, logQuerySchema.parse(params), after.data);
    return Response.json(page, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return Response.json({ error: userMessage(error) }, { status: 500 });
  }
}
