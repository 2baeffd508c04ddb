import { canonicalToolName } from "@toolgate/policy-core";

export type TenantServerTools = { id: string; toolNames: readonly string[] };

/**
 * The tenant's server "of the same kind" as a catalogue server: one that lists the tool,
 * the one sharing most tool names with the catalogue entry; undefined when none lists it.
 */
export function matchTenantServer(
  catalogueToolNames: readonly string[],
  toolName: string,
  servers: readonly TenantServerTools[],
): string | undefined {
  const wanted = canonicalToolName(toolName);
  const catalogue = new Set(catalogueToolNames.map(canonicalToolName));
  let best: { id: string; overlap: number } | undefined;
  for (const server of servers) {
    const names = new Set(server.toolNames.map(canonicalToolName));
    if (!names.has(wanted)) continue;
    const overlap = [...names].filter((name) => catalogue.has(name)).length;
    if (best === undefined || overlap > best.overlap) best = { id: server.id, overlap };
  }
  return best?.id;
}
