import {
  type Db,
  getCurrentPolicy,
  getServer,
  getTenant,
  listCataloguePrompts,
  listCatalogueResources,
  listTools,
} from "@toolgate/db";
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

/** A catalogued resource (`kind: "resource"`) or resource template (`uri` is its uriTemplate). */
export type CatalogueResourceView = {
  kind: "resource" | "template";
  uri: string;
  name: string;
  title: string | null;
  description: string;
  mimeType: string | null;
};

export type CataloguePromptView = {
  name: string;
  title: string | null;
  description: string;
  arguments: Array<{ name: string; required: boolean }>;
};

function promptArguments(value: unknown): CataloguePromptView["arguments"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    typeof entry === "object" && entry !== null && typeof (entry as { name?: unknown }).name === "string"
      ? [
          {
            name: (entry as { name: string }).name,
            required: (entry as { required?: unknown }).required === true,
          },
        ]
      : [],
  );
}

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
  const [tools, policy, resourceRows, promptRows] = await Promise.all([
    listTools(deps.db, ctx.tenantId, server.id),
    getCurrentPolicy(deps.db, ctx.tenantId, server.id),
    listCatalogueResources(deps.db, ctx.tenantId, server.id),
    listCataloguePrompts(deps.db, ctx.tenantId, server.id),
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
  const resources: CatalogueResourceView[] = resourceRows.map((row) => ({
    kind: row.kind,
    uri: row.uri,
    name: row.name,
    title: row.title,
    description: row.description,
    mimeType: row.mimeType,
  }));
  const prompts: CataloguePromptView[] = promptRows.map((row) => ({
    name: row.name,
    title: row.title,
    description: row.description,
    arguments: promptArguments(row.arguments),
  }));
  return {
    server: toServerView(server),
    gatewayUrl: gatewayUrlFor(deps.gatewayUrl, tenant.slug, server.slug),
    catalogue,
    resources,
    prompts,
    // The editor starts from the version in force, or from the recommended rules.
    policy: { version: policy?.version ?? null, document: policy?.document ?? startingPolicy(tools) },
  };
}
