import type { ChangeEvent, Db } from "@toolgate/db";
import type { SecretKeyInput } from "@toolgate/secrets";
import type { AddressPolicy } from "@toolgate/upstream";
import type { Logger } from "pino";
import type { CachedGrant, CachedPolicy, CachedServer } from "./cached-types";
import { loadGrant } from "./load-grant";
import { loadPolicy } from "./load-policy";
import { loadServer } from "./load-server";
import { LoadingCache } from "./loading-cache";
import type { StoreHealth } from "./store-health";

export type GatewayCacheOptions = {
  db: Db;
  secretKey: SecretKeyInput;
  addressPolicy: AddressPolicy;
  /** TOOLGATE_ALLOW_STDIO: servers may be local processes (self-hosted only). */
  allowStdio?: boolean;
  logger: Logger;
  /** Shared with the pin registry: whether Postgres answers. */
  health: StoreHealth;
  max?: number;
  ttlMs?: number;
  negativeTtlMs?: number;
  /** How long entries are served past their TTL while Postgres is unreachable (default 15 min). */
  staleMaxMs?: number;
};

/** Sizing and timing shared by the gateway's loading caches. */
export function cacheTiming(options: { ttlMs?: number; staleMaxMs?: number }) {
  return {
    ttlMs: options.ttlMs ?? 30_000,
    staleMaxMs: options.staleMaxMs ?? 15 * 60_000,
    loadTimeoutMs: 3_000,
  };
}

/**
 * Everything an authenticated call needs from the database, cached so the hot path makes no query.
 * Change notifications invalidate entries at once; the TTL bounds staleness if one is ever missed.
 */
export class GatewayCache {
  private readonly servers: LoadingCache<CachedServer | null>;
  private readonly grants: LoadingCache<CachedGrant | null>;
  private readonly policies: LoadingCache<CachedPolicy>;

  constructor(options: GatewayCacheOptions) {
    const { db, secretKey, addressPolicy, logger } = options;
    const allowStdio = options.allowStdio ?? false;
    const sizing = { max: options.max ?? 10_000, ...cacheTiming(options), health: options.health };
    const negativeTtlMs = options.negativeTtlMs ?? 5_000;
    this.servers = new LoadingCache({
      ...sizing,
      negativeTtlMs,
      isNegative: (server) => server === null,
      load: (key) => {
        const [tenantSlug = "", serverSlug = ""] = key.split("/");
        return loadServer(db, { secretKey, addressPolicy, allowStdio }, tenantSlug, serverSlug);
      },
    });
    this.grants = new LoadingCache({
      ...sizing,
      negativeTtlMs,
      isNegative: (grant) => grant === null,
      load: (tokenHash) => loadGrant(db, tokenHash),
    });
    this.policies = new LoadingCache({
      ...sizing,
      // "No policy" is a normal state that publishing ends with a notification, so it lives as long as a policy.
      negativeTtlMs: sizing.ttlMs,
      isNegative: () => false,
      load: (key) => {
        const [tenantId = "", serverId = ""] = key.split(":");
        return loadPolicy(db, logger, tenantId, serverId);
      },
    });
  }

  server(tenantSlug: string, serverSlug: string): Promise<CachedServer | null> {
    return this.servers.get(`${tenantSlug}/${serverSlug}`);
  }

  grant(tokenHash: string): Promise<CachedGrant | null> {
    return this.grants.get(tokenHash);
  }

  policy(tenantId: string, serverId: string): Promise<CachedPolicy> {
    return this.policies.get(`${tenantId}:${serverId}`);
  }

  /** Database loads so far, all caches together: the hot path of a cached call adds none. */
  loads(): number {
    return this.servers.loads + this.grants.loads + this.policies.loads;
  }

  /** Hits and loads per cache, for metrics. */
  lookups(): Record<"server" | "grant" | "policy", { hits: number; loads: number }> {
    const of = (cache: { hits: number; loads: number }) => ({ hits: cache.hits, loads: cache.loads });
    return { server: of(this.servers), grant: of(this.grants), policy: of(this.policies) };
  }

  /** Applies one change notification from the database. */
  apply(event: ChangeEvent): void {
    switch (event.kind) {
      case "policy":
        this.policies.delete(`${event.tenantId}:${event.serverId}`);
        return;
      case "server":
        // A new server may fill a cached "unknown slug", so negatives go too.
        this.servers.deleteWhere((server) => server === null || server.id === event.serverId);
        this.policies.delete(`${event.tenantId}:${event.serverId}`);
        return;
      case "grant":
        this.grants.delete(event.tokenHash);
        return;
      case "tenant":
        this.servers.deleteWhere((server) => server === null || server.tenantId === event.tenantId);
        return;
    }
  }

  /**
   * After the change listener reconnects (events may have been missed): everything is reloaded on next
   * use, but kept to serve if Postgres fails again meanwhile.
   */
  expireAll(): void {
    this.servers.expireAll();
    this.grants.expireAll();
    this.policies.expireAll();
  }

  /** Forgets everything, e.g. after the change listener reconnects and may have missed events. */
  clear(): void {
    this.servers.clear();
    this.grants.clear();
    this.policies.clear();
  }
}
