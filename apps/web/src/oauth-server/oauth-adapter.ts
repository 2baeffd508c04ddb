import {
  consumeOAuthRecord,
  type Db,
  deleteOAuthRecord,
  findOAuthRecord,
  findOAuthRecordByUid,
  type Prisma,
  revokeGrant,
  upsertOAuthRecord,
  withAudit,
} from "@toolgate/db";
import type { Adapter, AdapterPayload } from "oidc-provider";

/** oidc-provider's storage for one tenant, on the OAuthRecord table (ids stored as hashes). */
export function oauthAdapterFor(db: Db, tenantId: string): new (kind: string) => Adapter {
  return class PostgresOAuthAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    private key(id: string) {
      return { tenantId, kind: this.kind, id };
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await upsertOAuthRecord(db, this.key(id), {
        payload: payload as Prisma.InputJsonObject,
        grantId: payload.grantId,
        uid: payload.uid,
        expiresAt: expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return asPayload(await findOAuthRecord(db, this.key(id), new Date()));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return asPayload(await findOAuthRecordByUid(db, this.key(uid), new Date()));
    }

    async findByUserCode(): Promise<AdapterPayload | undefined> {
      return undefined; // the device flow is not enabled
    }

    async consume(id: string): Promise<void> {
      await consumeOAuthRecord(db, this.key(id), new Date());
    }

    async destroy(id: string): Promise<void> {
      await deleteOAuthRecord(db, this.key(id));
    }

    // oidc-provider calls this on a replayed code or refresh token and on revocation: the OAuth grant
    // is the Toolgate grant, so it is revoked, which also ends its access tokens at the gateway at once.
    async revokeByGrantId(grantId: string): Promise<void> {
      await withAudit(
        db,
        tenantId,
        (tx) => revokeGrant(tx, tenantId, grantId),
        (grant) =>
          grant === null
            ? null
            : {
                actorLabel: "oauth",
                action: "grant.revoked",
                targetType: "grant",
                targetId: grantId,
                data: {
                  label: grant.label,
                  reason: "OAuth revocation, or a code or refresh token used twice",
                },
              },
      );
    }
  };
}

function asPayload(payload: Prisma.JsonObject | null): AdapterPayload | undefined {
  return payload === null ? undefined : (payload as AdapterPayload);
}
