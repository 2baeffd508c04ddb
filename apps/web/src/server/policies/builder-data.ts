import {
  type CataloguePrompt,
  type CatalogueResource,
  type Db,
  getCurrentPolicy,
  getServer,
  getTenant,
  listCataloguePrompts,
  listCatalogueResources,
  listGrants,
  listTools,
} from "@toolgate/db";
import { templateAsGlob } from "@toolgate/policy-core";
import type { AccessCatalogue } from "@/builder/access-catalogue";
import type { CatalogueTool } from "@/builder/catalogue-tool";
import { AppError } from "../app-error";
import { assertCan, can, type SessionContext } from "../context";
import { startingPolicy } from "./starting-policy";

export type SimulatorGrant = { id: string; label: string };

/** The catalogued resources, templates (keyed by their URI pattern as a glob) and prompts as builder cards. */
export function accessCatalogueOf(
  resources: CatalogueResource[],
  prompts: CataloguePrompt[],
): AccessCatalogue {
  return {
    resources: resources.map((row) => ({
      kind: row.kind,
      key: row.kind === "template" ? templateAsGlob(row.uri) : row.uri,
      listed: row.uri,
      title: row.title,
      description: row.description,
    })),
    prompts: prompts.map((row) => ({
      kind: "prompt",
      key: row.name,
      listed: row.name,
      title: row.title,
      description: row.description,
    })),
  };
}

/**
 * Everything the policy builder needs for one server: the catalogue with input schemas, its
 * resources, templates and prompts, the policy in force (or the recommended start), the grants the simulator can act as.
 */
export async function loadBuilderData(db: Db, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "read");
  const [server, tenant] = await Promise.all([
    getServer(db, ctx.tenantId, serverId),
    getTenant(db, ctx.tenantId),
  ]);
  if (server === null || tenant === null) throw new AppError("not_found", "Server not found.");
  const [tools, policy, grants, resources, prompts] = await Promise.all([
    listTools(db, ctx.tenantId, server.id),
    getCurrentPolicy(db, ctx.tenantId, server.id),
    listGrants(db, ctx.tenantId),
    listCatalogueResources(db, ctx.tenantId, server.id),
    listCataloguePrompts(db, ctx.tenantId, server.id),
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
    accessCatalogue: accessCatalogueOf(resources, prompts),
    grants: simulatorGrants,
    policy: { version: policy?.version ?? null, document: policy?.document ?? startingPolicy(tools) },
    canPublish: can(ctx.role, "manage_policies"),
  };
}
