/** The URL agents use for one server: `<gateway>/<tenant-slug>/<server-slug>/mcp`. */
export function gatewayUrlFor(gatewayBaseUrl: string, tenantSlug: string, serverSlug: string): string {
  return `${gatewayBaseUrl}/${encodeURIComponent(tenantSlug)}/${encodeURIComponent(serverSlug)}/mcp`;
}
