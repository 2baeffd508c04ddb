import { hashToken } from "@toolgate/secrets";
import type { CachedGrant, CachedServer } from "../cache/cached-types";
import type { GatewayCache } from "../cache/gateway-cache";
import { GatewayError } from "../errors/gateway-error";
import { grantCoversServer } from "./grant-covers-server";
import type { OAuthVerifier } from "./oauth-verifier";

export type AuthContext = { server: CachedServer; grant: CachedGrant };

// One answer for every failure, so a caller learns nothing about which tenants, servers or grants exist.
const REJECTED =
  "Unauthorized: this token is not valid for this gateway URL (unknown server, or a wrong, revoked or expired token).";

/**
 * Resolves the server of a gateway URL and the grant of a token, and checks that the grant may use it.
 * The token is a grant token, or an OAuth access token that stands for the grant consent created.
 */
export async function authenticate(
  cache: GatewayCache,
  request: {
    tenantSlug: string;
    serverSlug: string;
    token: string | undefined;
    nowMs: number;
    oauth?: OAuthVerifier | null;
    host?: string;
  },
): Promise<AuthContext> {
  if (request.token === undefined) {
    throw new GatewayError(
      "unauthorized",
      "Unauthorized: send the grant token as 'Authorization: Bearer <token>' or as '?token=<token>' in the URL, or sign in with OAuth.",
    );
  }
  const grantHash = await grantTokenHash(request.token, request);
  // Both lookups always run, so answers take the same path whether the URL or the token is wrong.
  const [server, grant] = await Promise.all([
    cache.server(request.tenantSlug, request.serverSlug),
    cache.grant(grantHash ?? hashToken(request.token)),
  ]);
  if (grantHash === null || server === null || grant === null || !grantAllows(grant, server, request.nowMs)) {
    throw new GatewayError("unauthorized", REJECTED);
  }
  return { server, grant };
}

async function grantTokenHash(
  token: string,
  request: {
    tenantSlug: string;
    serverSlug: string;
    nowMs: number;
    oauth?: OAuthVerifier | null;
    host?: string;
  },
): Promise<string | null> {
  const oauth = request.oauth ?? null;
  if (oauth === null || !oauth.isAccessToken(token)) return hashToken(token);
  return oauth.grantTokenHash(token, request, request.host, request.nowMs);
}

function grantAllows(grant: CachedGrant, server: CachedServer, nowMs: number): boolean {
  if (grant.revoked || grant.tenantId !== server.tenantId) return false;
  if (!grantCoversServer(grant, server.id)) return false;
  return grant.expiresAtMs === null || grant.expiresAtMs > nowMs;
}
