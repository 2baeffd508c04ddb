import { type Db, getCurrentPolicy, getServer, getTenant, listTools } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { startingPolicy } from "../policies/starting-policy";
import { gatewayUrlFor } from "./gateway-url";
import { toServerView } from "./server-view";

export type CatalogueToolView = {
  id: string;
  name: string;
  description: string;
  category: string;
  risk: string;
  reason: string;
  pinState: string;
};

/** One server of the tenant with its catalogue, policy to edit and gateway URL. */
export async function getServerDetail(
  deps: { db: Db; gatewayUrl: string },
  ctx: SessionContext,
  serverId: string,
) {
  assertCan(ctx, "read");
  const [server, tenant] = await Promise.all([
    getServer(deps.db, ctx.tenantId, serverId),
    getTenant(deps.db, ctx.tenantId),
  ]);
  if (server === null || tenant === null) throw new AppError("not_found", "Server not found.");
  const [tools, policy] = await Promise.all([
    listTools(deps.db, ctx.tenantId, server.id),
    getCurrentPolicy(deps.db, ctx.tenantId, server.id),
  ]);
  const catalogue: CatalogueToolView[] = tools.map((tool) => ({
    id: tool.id,
    name: tool.name,
    description: tool.description,
    category: tool.categoryOverride ?? tool.category,
    risk: tool.riskOverride ?? tool.risk,
    reason: tool.riskReason,
    pinState: tool.pinState,
  }));
  return {
    server: toServerView(server),
    gatewayUrl: gatewayUrlFor(deps.gatewayUrl, tenant.slug, server.slug),
    catalogue,
    // The editor starts from the version in force, or from the recommended rules.
    policy: { version: policy?.version ?? null, document: policy?.document ?? startingPolicy(tools) },
  };
}
