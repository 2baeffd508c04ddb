import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { limitPath, toolNameFromParam } from "@/catalogue/public-pages";
import { getDeps } from "@/server/deps";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";
import { limitTarget } from "@/server/public-catalogue/limit-target";
import { routeSession } from "@/server/route-session";

// Rendered per request: tenants' published servers join the index at run time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Limit this tool", robots: { index: false } };

type Params = Promise<{ server: string; tool: string }>;

/**
 * "Limit this tool": sign up (or in) first, then the tenant's builder or the register step.
 * A page rather than a route handler, so the router shows the address it lands on.
 */
export default async function LimitToolPage({ params }: { params: Params }) {
  const { server, tool } = await params;
  const indexed = (await catalogueForRequest()).tool(server, toolNameFromParam(tool));
  if (indexed === undefined) notFound();
  const session = await routeSession();
  redirect(
    session === null
      ? `/signup?${new URLSearchParams({ next: limitPath(indexed.server.slug, indexed.tool.name) })}`
      : await limitTarget(getDeps().db, session.ctx, indexed),
  );
}
