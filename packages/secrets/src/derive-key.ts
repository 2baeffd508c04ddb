import { hkdfSync } from "node:crypto";

/**
 * A 32-byte key for one purpose, derived from the tenant secret key (HKDF-SHA256), so a new use
 * needs no new secret and a key of one purpose reveals nothing about another.
 */
export function deriveKey(secretKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), `toolgate:${purpose}`, 32));
}

/** The purpose under which the dashboard signs OAuth access tokens and the gateway verifies them. */
export const OAUTH_ACCESS_TOKEN_KEY = "oauth-access-token-v1";
