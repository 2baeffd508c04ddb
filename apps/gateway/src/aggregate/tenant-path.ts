const TENANT_PATH = /^\/([A-Za-z0-9][A-Za-z0-9_-]{0,99})\/mcp\/?$/;

/** The tenant slug of a tenant-wide gateway URL `/<tenant-slug>/mcp`, or null for any other path. */
export function parseTenantPath(pathname: string): string | null {
  return TENANT_PATH.exec(pathname)?.[1] ?? null;
}
