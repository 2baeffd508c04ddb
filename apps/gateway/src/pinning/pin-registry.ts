import type { ChangeEvent, Db } from "@toolgate/db";
import type { Logger } from "pino";
import { cacheTiming } from "../cache/gateway-cache";
import { LoadingCache } from "../cache/loading-cache";
import type { StoreHealth } from "../cache/store-health";
import type { ToolFilter } from "../upstream/response-messages";
import { loadServerPins } from "./load-server-pins";
import { persistPinChange } from "./persist-pin-change";
import type { PinChange } from "./review-tool-list";
import { reviewToolList } from "./review-tool-list";
import { isQuarantined, type ServerPins } from "./server-pins";

/** Where a quarantine happened. */
export type QuarantineSite = { tenantId: string; serverId: string; serverName: string };

const KEEP_ALL: ToolFilter = (tools) => tools;

/**
 * Tool-definition pinning off the hot path: each server's catalogue hashes are cached (one query per
 * server until a change notification), tools/list responses are compared in memory, and the database
 * is written only when something changed, without holding the response.
 */
export class PinRegistry {
  private readonly servers: LoadingCache<ServerPins>;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    timing: { health: StoreHealth; ttlMs?: number; staleMaxMs?: number; max?: number },
    /** Told after this gateway recorded a new quarantine (webhooks). */
    private readonly onQuarantined: (where: QuarantineSite, change: PinChange) => void = () => {},
  ) {
    const { ttlMs, ...stale } = cacheTiming(timing);
    this.servers = new LoadingCache({
      max: timing.max ?? 10_000,
      ttlMs,
      ...stale,
      health: timing.health,
      negativeTtlMs: ttlMs,
      isNegative: () => false,
      load: (key) => {
        const [tenantId = "", serverId = ""] = key.split(":");
        return loadServerPins(db, tenantId, serverId);
      },
    });
  }

  /** Whether a call to `tool` is refused because its definition changed since review. */
  async isQuarantined(tenantId: string, serverId: string, tool: string): Promise<boolean> {
    return isQuarantined(await this.pins(tenantId, serverId), tool);
  }

  /** The filter a tools/list response of this server goes through before the policy's filter. */
  async listFilter(tenantId: string, serverId: string, serverName = serverId): Promise<ToolFilter> {
    const pins = await this.pins(tenantId, serverId);
    // A server never catalogued has nothing reviewed to compare with.
    if (pins.tools.size === 0) return KEEP_ALL;
    return (tools) => {
      const { visible, changes } = reviewToolList(pins, tools);
      for (const change of changes) {
        this.logger.warn(
          { serverId, tool: change.tool.name, change: change.kind },
          "tool definition differs from the catalogue",
        );
        persistPinChange(this.db, { tenantId, serverId }, change)
          .then((quarantined) => {
            if (quarantined) this.onQuarantined({ tenantId, serverId, serverName }, change);
          })
          .catch((error: unknown) => {
            this.logger.error(
              { err: error, serverId, tool: change.tool.name },
              "could not record a pinning change",
            );
          });
      }
      return visible;
    };
  }

  /** Drops a server's pins when it (or its catalogue) changed, e.g. a change was accepted. */
  apply(event: ChangeEvent): void {
    if (event.kind === "server") this.servers.delete(`${event.tenantId}:${event.serverId}`);
  }

  /** After the change listener reconnects: reload on next use, serving the old pins if Postgres fails. */
  expireAll(): void {
    this.servers.expireAll();
  }

  private pins(tenantId: string, serverId: string): Promise<ServerPins> {
    return this.servers.get(`${tenantId}:${serverId}`);
  }
}
