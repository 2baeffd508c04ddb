import { NextResponse } from "next/server";
import { limitPath, toolNameFromParam } from "@/catalogue/public-pages";
import { getDeps } from "@/server/deps";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";
import { limitTarget } from "@/server/public-catalogue/limit-target";
import { routeSession } from "@/server/route-session";

type Params = Promise<{ server: string; tool: string }>;

/** "Limit this tool": sign up (or in) first, then the tenant's builder or register step. */
export async function GET(_request: Request, { params }: { params: Params }) {
  const { server, tool } = await params;
  const indexed = (await catalogueForRequest()).tool(server, toolNameFromParam(tool));
  if (indexed === undefined) return new NextResponse("No such tool in the catalogue.", { status: 404 });
  const session = await routeSession();
  const target =
    session === null
      ? `/signup?${new URLSearchParams({ next: limitPath(indexed.server.slug, indexed.tool.name) })}`
      : await limitTarget(getDeps().db, session.ctx, indexed);
  // A relative Location: the browser resolves it against the address it used.
  return new NextResponse(null, { status: 303, headers: { Location: target } });
}
