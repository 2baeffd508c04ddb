import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  deriveKey,
  generateToken,
  hashPassword,
  hashToken,
  OAUTH_ACCESS_TOKEN_KEY,
  openSecret,
  parseSecretKey,
  sealSecret,
  verifyPassword,
} from "./index";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips and never contains the plaintext", () => {
    const sealed = sealSecret('{"Authorization":"Bearer upstream-secret"}', key);
    expect(sealed).not.toContain("upstream-secret");
    expect(openSecret(sealed, key)).toBe('{"Authorization":"Bearer upstream-secret"}');
  });

  it("rejects a wrong key and tampered data", () => {
    const sealed = sealSecret("s3cret", key);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 4), Buffer.from("xxxxxx").toString("base64url")].join(".");
    expect(() => openSecret(tampered, key)).toThrow();
  });

  it("explains a malformed key", () => {
    expect(() => parseSecretKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});

describe("tokens and passwords", () => {
  it("makes distinct tokens whose hash is stable", () => {
    const a = generateToken("grt");
    expect(a).toMatch(/^tg_grt_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(generateToken("grt"));
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toContain(a);
  });

  it("verifies only the right password", async () => {
    const stored = await hashPassword("correct horse");
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("wrong horse", stored)).toBe(false);
  });
});

describe("deriveKey", () => {
  it("gives 32 bytes per purpose, the same every time, different across purposes and secret keys", () => {
    const secret = randomBytes(32);
    const key = deriveKey(secret, OAUTH_ACCESS_TOKEN_KEY);
    expect(key).toHaveLength(32);
    expect(deriveKey(secret, OAUTH_ACCESS_TOKEN_KEY).equals(key)).toBe(true);
    expect(deriveKey(secret, "other-purpose").equals(key)).toBe(false);
    expect(deriveKey(randomBytes(32), OAUTH_ACCESS_TOKEN_KEY).equals(key)).toBe(false);
  });
});
