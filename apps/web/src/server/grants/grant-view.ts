import type { Grant } from "@toolgate/db";

export type GrantStatus = "active" | "revoked" | "expired";

/** What the dashboard shows of a grant: its prefix only, never the hash. */
export type GrantView = {
  id: string;
  label: string;
  tokenPrefix: string;
  serverId: string | null;
  /** The servers of a grant restricted to a subset (ids); null for one-server and every-server grants. */
  servers: string[] | null;
  status: GrantStatus;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  /** The OAuth client whose sign-in created the grant; null for a grant made on the Grants page. */
  oauthClient: { id: string; name: string } | null;
};

/** A grant row as rendered, with its status worked out at `now`. */
export function toGrantView(grant: Grant, now: Date): GrantView {
  const status: GrantStatus =
    grant.revokedAt !== null
      ? "revoked"
      : grant.expiresAt !== null && grant.expiresAt <= now
        ? "expired"
        : "active";
  return {
    id: grant.id,
    label: grant.label,
    tokenPrefix: grant.tokenPrefix,
    serverId: grant.serverId,
    servers: grant.subsetServerIds,
    status,
    createdAt: grant.createdAt,
    lastUsedAt: grant.lastUsedAt,
    expiresAt: grant.expiresAt,
    oauthClient:
      grant.oauthClientId === null
        ? null
        : { id: grant.oauthClientId, name: grant.oauthClientName ?? grant.oauthClientId },
  };
}
