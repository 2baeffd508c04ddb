/** The tenant and server a resource indicator names, when it is one of this gateway's MCP URLs. */
export function parseGatewayResource(
  gatewayUrl: string,
  resource: string,
): { tenantSlug: string; serverSlug: string } | null {
  const prefix = `${gatewayUrl.replace(/\/+$/, "")}/`;
  if (!resource.startsWith(prefix)) return null;
  const match = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)\/mcp$/.exec(resource.slice(prefix.length));
  if (match === null) return null;
  const [, tenantSlug = "", serverSlug = ""] = match;
  return { tenantSlug, serverSlug };
}

/** The resource indicator (and token audience) of one server's gateway URL. */
export function gatewayResource(gatewayUrl: string, tenantSlug: string, serverSlug: string): string {
  return `${gatewayUrl.replace(/\/+$/, "")}/${tenantSlug}/${serverSlug}/mcp`;
}
