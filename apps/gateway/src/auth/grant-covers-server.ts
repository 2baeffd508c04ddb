import type { CachedGrant } from "../cache/cached-types";

/**
 * Whether a grant may use this server: a server-bound grant its one server, a grant restricted to a
 * subset only the servers listed, any other grant every server (its tenant is checked separately).
 */
export function grantCoversServer(grant: CachedGrant, serverId: string): boolean {
  if (grant.serverId !== null) return grant.serverId === serverId;
  return grant.subsetServerIds === null || grant.subsetServerIds.includes(serverId);
}
