import type { ApiKey, Role } from "@toolgate/db";

/** What the dashboard shows of an API key: its prefix only, never the hash. */
export type ApiKeyView = {
  id: string;
  label: string;
  role: Role;
  keyPrefix: string;
  status: "active" | "revoked";
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** An API key row as rendered. */
export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    label: key.label,
    role: key.role,
    keyPrefix: key.keyPrefix,
    status: key.revokedAt === null ? "active" : "revoked",
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}
