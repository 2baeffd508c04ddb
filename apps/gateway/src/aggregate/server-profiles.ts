import type { ServerCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { LRUCache } from "lru-cache";

type Known = { capabilities: ServerCapabilities; instructions: string | undefined };

/**
 * What each server declared the last time the tenant URL connected to it (initialize, or
 * server/discover), so a new session's `initialize` can answer with merged capabilities without
 * connecting to every server first. Refreshed on every connect; forgotten after `ttlMs`.
 */
export class ServerProfiles {
  private readonly known: LRUCache<string, Known>;

  constructor(ttlMs = 10 * 60_000, max = 10_000) {
    this.known = new LRUCache({ max, ttl: ttlMs });
  }

  remember(tenantId: string, serverSlug: string, known: Known): void {
    this.known.set(`${tenantId}/${serverSlug}`, known);
  }

  get(tenantId: string, serverSlug: string): Known | undefined {
    return this.known.get(`${tenantId}/${serverSlug}`);
  }
}
