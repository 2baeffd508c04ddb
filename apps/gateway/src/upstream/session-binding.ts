import { createHmac, timingSafeEqual } from "node:crypto";
import { currentKey, type SecretKeyInput } from "@toolgate/secrets";
import { LRUCache } from "lru-cache";

const MAC_LENGTH = 22;

/**
 * Binds an upstream Mcp-Session-Id to the grant and server that created it: the client sees
 * `<upstream id>.<mac>`, so a session id used with another grant (or forged) is simply unknown.
 */
export class SessionBinding {
  private readonly key: Buffer;
  // Every request of a session presents the same id: remembering the MACs computed saves an HMAC per call.
  private readonly macs = new LRUCache<string, string>({ max: 50_000 });

  constructor(secretKey: SecretKeyInput) {
    // A key of its own, derived once, so session MACs can never be confused with anything else sealed.
    this.key = createHmac("sha256", currentKey(secretKey)).update("toolgate:session-binding:v1").digest();
  }

  /** The session id the client sees for an upstream session id. */
  bind(upstreamId: string, grantId: string, serverId: string): string {
    return `${upstreamId}.${this.mac(upstreamId, grantId, serverId)}`;
  }

  /** The upstream session id inside a client's session id, or null if it was not issued to this grant. */
  unbind(clientId: string, grantId: string, serverId: string): string | null {
    const dot = clientId.lastIndexOf(".");
    if (dot <= 0) return null;
    const upstreamId = clientId.slice(0, dot);
    const given = Buffer.from(clientId.slice(dot + 1));
    const expected = Buffer.from(this.mac(upstreamId, grantId, serverId));
    return given.length === expected.length && timingSafeEqual(given, expected) ? upstreamId : null;
  }

  private mac(upstreamId: string, grantId: string, serverId: string): string {
    const input = `${grantId}|${serverId}|${upstreamId}`;
    let mac = this.macs.get(input);
    if (mac === undefined) {
      mac = createHmac("sha256", this.key).update(input).digest("base64url").slice(0, MAC_LENGTH);
      this.macs.set(input, mac);
    }
    return mac;
  }
}
