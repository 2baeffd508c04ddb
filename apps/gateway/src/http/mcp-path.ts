export type McpPath = { tenantSlug: string; serverSlug: string };

const MCP_PATH = /^\/([A-Za-z0-9][A-Za-z0-9_-]{0,99})\/([A-Za-z0-9][A-Za-z0-9_-]{0,99})\/mcp\/?$/;

/** The slugs of a gateway URL path `/<tenant-slug>/<server-slug>/mcp`, or null for any other path. */
export function parseMcpPath(pathname: string): McpPath | null {
  const match = MCP_PATH.exec(pathname);
  if (match === null) return null;
  const [, tenantSlug, serverSlug] = match;
  return tenantSlug === undefined || serverSlug === undefined ? null : { tenantSlug, serverSlug };
}

/**
 * The first segment of a request's path: the tenant slug on every MCP URL. Read before anything is
 * checked, to give each tenant its turn (FairTurns); a forged slug only queues behind that slug.
 */
export function firstPathSegment(url: string | undefined): string {
  if (url === undefined) return "";
  for (let i = 1; i < url.length; i += 1) {
    const code = url.charCodeAt(i);
    if (code === SLASH || code === QUESTION_MARK) return url.slice(1, i);
  }
  return url.slice(1);
}

const SLASH = 0x2f;
const QUESTION_MARK = 0x3f;
