import type { Db } from "../create-db";
import type { CataloguePrompt, CatalogueResource, ResourceKind } from "../generated/prisma/client";
import { toJson, toNullableJson } from "../json-input";
import { newId } from "../new-id";
import { type DbClient, inTransaction } from "../transaction";

export type ResourceEntry = {
  kind: ResourceKind;
  /** The resource's URI, or the template's uriTemplate. */
  uri: string;
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  mimeType?: string | undefined;
  annotations?: unknown;
};

export type PromptEntry = {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  arguments?: unknown[] | undefined;
};

export type ResourceCatalogue = { resources: ResourceEntry[]; prompts: PromptEntry[] };
export type ResourceCatalogueSummary = { resources: number; templates: number; prompts: number };

/**
 * Replaces a server's catalogued resources, templates and prompts with what a scan listed
 * (entries the upstream no longer lists are removed; a repeated URI or name keeps the first).
 * Does nothing unless the server is the tenant's.
 */
export async function saveResourceCatalogue(
  db: DbClient,
  tenantId: string,
  serverId: string,
  catalogue: ResourceCatalogue,
): Promise<ResourceCatalogueSummary> {
  const resources = firstOf(catalogue.resources, (entry) => `${entry.kind} ${entry.uri}`);
  const prompts = firstOf(catalogue.prompts, (entry) => entry.name);
  return inTransaction(db, async (tx) => {
    const owned = await tx.server.count({ where: { id: serverId, tenantId } });
    if (owned === 0) return { resources: 0, templates: 0, prompts: 0 };
    await tx.catalogueResource.deleteMany({ where: { tenantId, serverId } });
    await tx.cataloguePrompt.deleteMany({ where: { tenantId, serverId } });
    await tx.catalogueResource.createMany({
      data: resources.map((entry) => ({
        id: newId("res"),
        tenantId,
        serverId,
        kind: entry.kind,
        uri: entry.uri,
        name: entry.name,
        title: entry.title ?? null,
        description: entry.description ?? "",
        mimeType: entry.mimeType ?? null,
        annotations: toNullableJson(entry.annotations),
      })),
    });
    await tx.cataloguePrompt.createMany({
      data: prompts.map((entry) => ({
        id: newId("prm"),
        tenantId,
        serverId,
        name: entry.name,
        title: entry.title ?? null,
        description: entry.description ?? "",
        arguments: toJson(entry.arguments ?? []),
      })),
    });
    return {
      resources: resources.filter((entry) => entry.kind === "resource").length,
      templates: resources.filter((entry) => entry.kind === "template").length,
      prompts: prompts.length,
    };
  });
}

function firstOf<T>(entries: T[], key: (entry: T) => string): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const k = key(entry);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The server's catalogued resources and templates, resources first, by URI (empty if not the tenant's). */
export async function listCatalogueResources(
  db: Db,
  tenantId: string,
  serverId: string,
): Promise<CatalogueResource[]> {
  return db.catalogueResource.findMany({
    where: { tenantId, serverId },
    orderBy: [{ kind: "asc" }, { uri: "asc" }],
  });
}

/** The server's catalogued prompts, by name (empty if not the tenant's). */
export async function listCataloguePrompts(
  db: Db,
  tenantId: string,
  serverId: string,
): Promise<CataloguePrompt[]> {
  return db.cataloguePrompt.findMany({ where: { tenantId, serverId }, orderBy: { name: "asc" } });
}
