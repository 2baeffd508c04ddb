import { afterEach, describe, expect, it, vi } from "vitest";
import { newId } from "./new-id";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function decodeTime(id: string): number {
  return [...id.slice(id.indexOf("_") + 1).slice(0, 10)].reduce((ms, c) => ms * 32 + ALPHABET.indexOf(c), 0);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("newId", () => {
  it("is the prefix, an underscore and 26 URL-safe characters", () => {
    expect(newId("srv")).toMatch(/^srv_[0-9a-hjkmnp-tv-z]{26}$/);
    const id = newId("grt");
    expect(encodeURIComponent(id)).toBe(id);
  });

  it("sorts in creation order, also within one millisecond", () => {
    const ids = Array.from({ length: 2000 }, () => newId("req"));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("starts with its creation time, so an older id sorts first", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2030-01-01T00:00:00.000Z"));
    const newer = newId("aud");
    vi.setSystemTime(new Date("2029-12-31T23:59:59.999Z"));
    const older = newId("aud");
    expect(decodeTime(newer)).toBe(Date.parse("2030-01-01T00:00:00.000Z"));
    expect(older < newer).toBe(true);
  });
});
