import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealedWithCurrentKey, openSecret, parseSecretKeys, sealSecret } from "./index";

const b64 = (key: Buffer) => key.toString("base64");

/** A value sealed the way the first version did (v1, no key id), to prove old data still opens. */
function sealV1(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

describe("key rotation", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it("reads with any listed key and writes with the first", () => {
    const before = parseSecretKeys(b64(oldKey));
    const sealedOld = sealSecret("old secret", before);
    const legacy = sealV1("legacy secret", oldKey);
    const rotating = parseSecretKeys(` ${b64(newKey)} , ${b64(oldKey)} `);
    expect(rotating.all).toHaveLength(2);
    expect(openSecret(sealedOld, rotating)).toBe("old secret");
    expect(openSecret(legacy, rotating)).toBe("legacy secret");
    const sealedNew = sealSecret("new secret", rotating);
    expect(isSealedWithCurrentKey(sealedNew, rotating)).toBe(true);
    expect(isSealedWithCurrentKey(sealedOld, rotating)).toBe(false);
    expect(isSealedWithCurrentKey(legacy, rotating)).toBe(false);
    // Written with the new key only: the old key alone cannot open it.
    expect(() => openSecret(sealedNew, before)).toThrow(/not in TOOLGATE_SECRET_KEY/);
  });

  it("refuses values once their key is dropped from the list, saying why", () => {
    const sealedOld = sealSecret("old secret", oldKey);
    expect(() => openSecret(sealedOld, parseSecretKeys(b64(newKey)))).toThrow(/not in TOOLGATE_SECRET_KEY/);
    expect(() => openSecret(sealV1("x", oldKey), parseSecretKeys(b64(newKey)))).toThrow(/No key/);
  });

  it("rejects a malformed key anywhere in the list", () => {
    expect(() => parseSecretKeys(`${b64(newKey)},c2hvcnQ=`)).toThrow(/32 bytes/);
    expect(() => parseSecretKeys("")).toThrow(/32 bytes/);
  });
});
