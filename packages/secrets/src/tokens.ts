import { createHash, randomBytes } from "node:crypto";

/** A new random bearer token such as `tg_grt_…`; 256 bits of entropy. */
export function generateToken(kind: "grt" | "key" | "inv"): string {
  return `tg_${kind}_${randomBytes(32).toString("base64url")}`;
}

/** The hash under which a token is stored and looked up; the token itself is never stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The first characters of a token, safe to show in lists so a person can recognise it. */
export function tokenPrefix(token: string): string {
  return token.slice(0, 14);
}
