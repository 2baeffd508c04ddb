import type { Implementation } from "@modelcontextprotocol/sdk/types.js";

/** Who answers on a tenant URL: Toolgate, for this tenant, naming the servers of the grant. */
export function aggregateServerInfo(tenantSlug: string, serverSlugs: readonly string[]): Implementation {
  const servers = serverSlugs.length === 0 ? "no servers" : serverSlugs.join(", ");
  return {
    name: `toolgate-${tenantSlug}`,
    title: `Toolgate · ${tenantSlug} (${servers})`,
    version: "1.0.0",
  };
}
