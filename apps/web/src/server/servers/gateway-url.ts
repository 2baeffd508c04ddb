/** The URL agents use for one server: `<gateway>/<tenant-slug>/<server-slug>/mcp`. */
export function gatewayUrlFor(gatewayBaseUrl: string, tenantSlug: string, serverSlug: string): string {
  return `${gatewayBaseUrl}/${encodeURIComponent(tenantSlug)}/${encodeURIComponent(serverSlug)}/mcp`;
}

/** The one URL per tenant: `<gateway>/<tenant-slug>/mcp`, every server a grant may use, tools prefixed by server. */
export function tenantGatewayUrlFor(gatewayBaseUrl: string, tenantSlug: string): string {
  return `${gatewayBaseUrl}/${encodeURIComponent(tenantSlug)}/mcp`;
}
