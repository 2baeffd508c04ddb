import { LRUCache } from "lru-cache";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether declared client capabilities include form elicitation (`{}` means form, for older clients). */
export function canElicitForm(capabilities: unknown): boolean {
  if (!isRecord(capabilities) || !isRecord(capabilities.elicitation)) return false;
  const { elicitation } = capabilities;
  return Object.keys(elicitation).length === 0 || isRecord(elicitation.form);
}

/**
 * What each session's client declared at `initialize` (session wire), as far as the gateway acts on
 * it. In memory: a session initialized through another replica is not known here, and its client is
 * then treated as one that cannot be asked (its approvals go to the team), which is the safe side.
 */
export class SessionClients {
  private readonly sessions = new LRUCache<string, { elicitForm: boolean }>({ max: 100_000 });

  remember(grantId: string, upstreamSessionId: string, capabilities: unknown): void {
    this.sessions.set(`${grantId}|${upstreamSessionId}`, { elicitForm: canElicitForm(capabilities) });
  }

  canElicit(grantId: string, upstreamSessionId: string | undefined): boolean {
    if (upstreamSessionId === undefined) return false;
    return this.sessions.get(`${grantId}|${upstreamSessionId}`)?.elicitForm ?? false;
  }
}
