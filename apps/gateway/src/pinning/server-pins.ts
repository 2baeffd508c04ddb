import type { PinState } from "@toolgate/db";

/** What the gateway knows of one catalogued tool's reviewed definition. */
export type PinEntry = {
  id: string;
  hash: string;
  state: PinState;
  pendingHash: string | null;
  /** The exact JSON last seen in a tools/list, so an unchanged tool is not hashed again. */
  seenJson?: string;
};

/**
 * A server's catalogue as pinning needs it. Pinning is active only for a catalogued server: with
 * nothing reviewed there is nothing to compare against.
 */
export type ServerPins = { tenantId: string; serverId: string; tools: Map<string, PinEntry> };

/** Whether tools/call for this tool must be refused because its definition changed unreviewed. */
export function isQuarantined(pins: ServerPins, tool: string): boolean {
  return pins.tools.get(tool)?.state === "quarantined";
}
