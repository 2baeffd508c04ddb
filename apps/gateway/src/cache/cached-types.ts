import type { CompiledPolicy } from "@toolgate/policy-core";

/** Where and how to reach a server's upstream; headers are decrypted and only ever held in memory. */
export type UpstreamTarget = {
  /** How the gateway reaches it: Streamable HTTP is proxied as HTTP; sse and stdio go through a bridge. */
  transport: "streamable_http" | "sse" | "stdio";
  /** The server's URL as registered (for stdio, its `stdio:<command line>`). */
  url: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** Why the gateway refuses to connect (a private or internal address), or null. */
  blocked: string | null;
};

/** A server as the hot path needs it, resolved from its tenant and server slugs. */
export type CachedServer = {
  id: string;
  slug: string;
  tenantId: string;
  tenantSlug: string;
  logArgumentValues: boolean;
  upstream: UpstreamTarget;
};

/** A grant as the hot path needs it; the token itself is never held, only looked up by hash. */
export type CachedGrant = {
  id: string;
  tenantId: string;
  serverId: string | null;
  /** A tenant-wide grant restricted to these servers; null: not restricted. */
  subsetServerIds: readonly string[] | null;
  label: string;
  expiresAtMs: number | null;
  revoked: boolean;
};

/** The policy in force for a server, compiled once; `null` policy means none was published. */
export type CachedPolicy = { compiled: CompiledPolicy; version: number } | null;
