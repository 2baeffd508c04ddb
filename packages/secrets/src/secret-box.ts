import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const LEGACY_VERSION = "v1";
const VERSION = "v2";

/**
 * The keys of TOOLGATE_SECRET_KEY: values are sealed with `current` (the first listed) and opened with
 * whichever key sealed them, so a new key can be put first while old ones still open existing data.
 */
export type SecretKeys = { readonly current: Buffer; readonly all: readonly Buffer[] };

/** One key (tests, old callers) or a key list. */
export type SecretKeyInput = Buffer | SecretKeys;

/** The key that seals (and keys HMACs): the one key, or the first of a list. */
export function currentKey(input: SecretKeyInput): Buffer {
  return keysOf(input).current;
}

function keysOf(input: SecretKeyInput): SecretKeys {
  return Buffer.isBuffer(input) ? { current: input, all: [input] } : input;
}

function parseOneKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) {
    throw new Error(
      "TOOLGATE_SECRET_KEY must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`); to rotate, list the new key first and the old ones after it, comma-separated.",
    );
  }
  return key;
}

/** Parses the 32-byte AES key from its base64 form (the first, if a list is given); throws with a clear message otherwise. */
export function parseSecretKey(base64: string): Buffer {
  return parseSecretKeys(base64).current;
}

/** Parses TOOLGATE_SECRET_KEY: one base64 key, or `new,old,…` while rotating; the first one seals. */
export function parseSecretKeys(list: string): SecretKeys {
  const all = list
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseOneKey);
  const [current] = all;
  if (current === undefined) return { current: parseOneKey(""), all: [] };
  return { current, all };
}

/** A short public id of a key (not secret: 8 hex of its sha256), stored with what it sealed. */
export function keyId(key: Buffer): string {
  return createHash("sha256").update("toolgate:key-id:").update(key).digest("hex").slice(0, 8);
}

/** Encrypts with AES-256-GCM under the current key: `v2.<key id>.<iv>.<tag>.<ciphertext>`. */
export function sealSecret(plaintext: string, keys: SecretKeyInput): string {
  const key = keysOf(keys).current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    keyId(key),
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

/** Whether `sealed` was sealed with the current key (else re-sealing would move it to the current key). */
export function isSealedWithCurrentKey(sealed: string, keys: SecretKeyInput): boolean {
  const [version, id] = sealed.split(".");
  return version === VERSION && id === keyId(keysOf(keys).current);
}

/** Decrypts what sealSecret produced, with the key that sealed it; throws if no key opens it or it was altered. */
export function openSecret(sealed: string, keys: SecretKeyInput): string {
  const { all } = keysOf(keys);
  const parts = sealed.split(".");
  if (parts[0] === VERSION && parts.length === 5) {
    const [, id, iv = "", tag = "", body = ""] = parts;
    const key = all.find((candidate) => keyId(candidate) === id);
    if (key === undefined) {
      throw new Error(`Sealed secret was sealed with key ${id}, which is not in TOOLGATE_SECRET_KEY.`);
    }
    return decrypt(key, iv, tag, body);
  }
  if (parts[0] === LEGACY_VERSION && parts.length === 4) {
    // Sealed before key ids existed: try each key; GCM's tag tells the right one.
    const [, iv = "", tag = "", body = ""] = parts;
    let failure: unknown;
    for (const key of all) {
      try {
        return decrypt(key, iv, tag, body);
      } catch (error) {
        failure = error;
      }
    }
    throw new Error("No key in TOOLGATE_SECRET_KEY opens this sealed secret.", { cause: failure });
  }
  throw new Error("Sealed secret has an unknown format.");
}

function decrypt(key: Buffer, iv: string, tag: string, body: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
