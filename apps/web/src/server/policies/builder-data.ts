import { type Db, getCurrentPolicy, getServer, getTenant, listGrants, listTools } from "@toolgate/db";
import type { CatalogueTool } from "@/builder/catalogue-tool";
import { AppError } from "../app-error";
import { assertCan, can, type SessionContext } from "../context";
import { startingPolicy } from "./starting-policy";

export type SimulatorGrant = { id: string; label: string };

/**
 * Everything the policy builder needs for one server: the catalogue with input schemas,
 * the policy in force (or the recommended start), the grants the simulator can act as.
 */
export async function loadBuilderData(db: Db, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "read");
  const [server, tenant] = await Promise.all([
    getServer(db, ctx.tenantId, serverId),
    getTenant(db, ctx.tenantId),
  ]);
  if (server === null || tenant === null) throw new AppError("not_found", "Server not found.");
  const [tools, policy, grants] = await Promise.all([
    listTools(db, ctx.tenantId, server.id),
    getCurrentPolicy(db, ctx.tenantId, server.id),
    listGrants(db, ctx.tenantId),
  ]);
  const catalogue: CatalogueTool[] = tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    category: tool.categoryOverride ?? tool.category,
    risk: tool.riskOverride ?? tool.risk,
    inputSchema: tool.inputSchema,
  }));
  const now = Date.now();
  const simulatorGrants: SimulatorGrant[] = grants
    .filter((grant) => grant.serverId === null || grant.serverId === server.id)
    .filter(
      (grant) => grant.revokedAt === null && (grant.expiresAt === null || grant.expiresAt.getTime() > now),
    )
    .map((grant) => ({ id: grant.id, label: grant.label }));
  return {
    server: { id: server.id, name: server.name, slug: server.slug },
    tenantId: tenant.id,
    argumentValuesLogged: tenant.logArgumentValues,
    catalogue,
    grants: simulatorGrants,
    policy: { version: policy?.version ?? null, document: policy?.document ?? startingPolicy(tools) },
    canPublish: can(ctx.role, "manage_policies"),
  };
}
