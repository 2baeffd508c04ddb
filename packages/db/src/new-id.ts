import { randomBytes } from "node:crypto";

export type IdPrefix =
  | "usr"
  | "ten"
  | "mem"
  | "inv"
  | "srv"
  | "tool"
  | "pol"
  | "pv"
  | "grt"
  | "key"
  | "req"
  | "apr"
  | "aud"
  | "log"
  | "whk"
  | "msg"
  | "dlq"
  | "res"
  | "prm";

// Crockford base32, lower-case: URL-safe, and its order matches the byte order,
// so ids made later sort after ids made earlier (ULID layout: 48-bit ms time + 80 random bits).
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

// Random bytes are drawn 4 KiB at a time: one call per id cost more than the rest of newId (ids are made
// for every call log, refusals included).
const POOL_BYTES = RANDOM_CHARS * 256;
let pool = randomBytes(POOL_BYTES);
let poolAt = 0;

function freshRandom(): number[] {
  if (poolAt + RANDOM_CHARS > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const digits = Array.from(pool.subarray(poolAt, poolAt + RANDOM_CHARS), (b) => b & 31);
  poolAt += RANDOM_CHARS;
  return digits;
}

// Within one millisecond, increment the previous random part so ids from this process stay ordered.
function nextRandom(previous: number[]): number[] {
  const next = [...previous];
  for (let i = next.length - 1; i >= 0; i--) {
    const digit = next[i] ?? 0;
    if (digit < 31) {
      next[i] = digit + 1;
      return next;
    }
    next[i] = 0;
  }
  return freshRandom();
}

/** A new id: `<prefix>_` + 26 chars, time-sortable and URL-safe (e.g. `srv_01jd3k…`). */
export function newId(prefix: IdPrefix): string {
  const now = Date.now();
  lastRandom = now === lastTime ? nextRandom(lastRandom) : freshRandom();
  lastTime = now;
  return `${prefix}_${encodeTime(now)}${lastRandom.map((d) => ALPHABET.charAt(d)).join("")}`;
}
