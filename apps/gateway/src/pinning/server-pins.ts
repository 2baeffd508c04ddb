import type { PinState } from "@toolgate/db";
import { canonicalToolName } from "@toolgate/policy-core";

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
export type ServerPins = {
  tenantId: string;
  serverId: string;
  tools: Map<string, PinEntry>;
  /** Canonical names of tools whose last listed definition could not be parsed: refused until it can. */
  unparseable: Set<string>;
};

/**
 * Whether tools/call for this tool must be refused: its definition changed unreviewed, or could not be
 * parsed. Matched by canonical name, as the policy matches, so "deletevm" cannot dodge "DeleteVm".
 */
export function isQuarantined(pins: ServerPins, tool: string): boolean {
  if (pins.tools.get(tool)?.state === "quarantined") return true;
  const canonical = canonicalToolName(tool);
  if (pins.unparseable.has(canonical)) return true;
  for (const [name, entry] of pins.tools) {
    if (entry.state === "quarantined" && canonicalToolName(name) === canonical) return true;
  }
  return false;
}
