import {
  type DbClient,
  type ResourceCatalogue,
  type ResourceCatalogueSummary,
  saveResourceCatalogue,
} from "@toolgate/db";
import type { DiscoveredServer } from "@toolgate/upstream";

/** The resources, templates and prompts a discovery listed, as catalogue entries. */
export function toResourceCatalogue(discovered: DiscoveredServer): ResourceCatalogue {
  return {
    resources: [
      ...discovered.resources.map(({ uri, ...rest }) => ({ kind: "resource" as const, uri, ...rest })),
      ...discovered.resourceTemplates.map(({ uriTemplate, ...rest }) => ({
        kind: "template" as const,
        uri: uriTemplate,
        ...rest,
      })),
    ],
    prompts: discovered.prompts,
  };
}

/** Stores what a registration or re-scan listed besides tools (replacing the previous scan). */
export function storeResourceCatalogue(
  tx: DbClient,
  tenantId: string,
  serverId: string,
  discovered: DiscoveredServer,
): Promise<ResourceCatalogueSummary> {
  return saveResourceCatalogue(tx, tenantId, serverId, toResourceCatalogue(discovered));
}
