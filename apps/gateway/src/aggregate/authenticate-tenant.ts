import { type Db, listServers, serverToolPrefix } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import { grantCoversServer } from "../auth/grant-covers-server";
import type { CachedGrant } from "../cache/cached-types";
import type { GatewayCache } from "../cache/gateway-cache";
import { GatewayError } from "../errors/gateway-error";

export type TenantAuth = { grant: CachedGrant; tenantSlug: string; token: string };

// Same answer for every failure, like the per-server URLs: nothing about which tenants or grants exist.
const REJECTED =
  "Unauthorized: this token is not valid for this gateway URL (unknown tenant, or a wrong, revoked or expired token).";

/** Resolves the grant of a token on a tenant URL `/<tenant>/mcp` and checks that it belongs to that tenant. */
export async function authenticateTenant(
  cache: GatewayCache,
  db: Db,
  request: { tenantSlug: string; token: string | undefined; nowMs: number },
): Promise<TenantAuth> {
  if (request.token === undefined) {
    throw new GatewayError(
      "unauthorized",
      "Unauthorized: send the grant token as 'Authorization: Bearer <token>' or as '?token=<token>' in the URL.",
    );
  }
  const [tenant, grant] = await Promise.all([
    db.tenant.findUnique({ where: { slug: request.tenantSlug }, select: { id: true } }),
    cache.grant(hashToken(request.token)),
  ]);
  if (tenant === null || grant === null || !grantValid(grant, tenant.id, request.nowMs)) {
    throw new GatewayError("unauthorized", REJECTED);
  }
  return { grant, tenantSlug: request.tenantSlug, token: request.token };
}

/** Whether a grant (re-read from the cache on every request of a session) still opens this tenant. */
export function grantValid(grant: CachedGrant, tenantId: string, nowMs: number): boolean {
  if (grant.revoked || grant.tenantId !== tenantId) return false;
  return grant.expiresAtMs === null || grant.expiresAtMs > nowMs;
}

/** A server a grant may use on the tenant URL, with the prefix of its tools there. */
export type GrantServer = { slug: string; toolPrefix: string };

/** The servers a grant may use: its one server, those of its subset, or every server of the tenant. */
export async function grantServers(db: Db, grant: CachedGrant): Promise<GrantServer[]> {
  const servers = await listServers(db, grant.tenantId);
  return servers
    .filter((server) => grantCoversServer(grant, server.id))
    .map((server) => ({ slug: server.slug, toolPrefix: serverToolPrefix(server) }));
}
