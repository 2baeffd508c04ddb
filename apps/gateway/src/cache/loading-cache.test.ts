import { describe, expect, it } from "vitest";
import { LoadingCache } from "./loading-cache";

function counting(values: Record<string, string | null>) {
  const loads: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const cache = new LoadingCache<string | null>({
    max: 100,
    ttlMs: 60_000,
    negativeTtlMs: 60_000,
    isNegative: (value) => value === null,
    load: async (key) => {
      loads.push(key);
      // The value is read when the load starts, as a database query would see it.
      const value = values[key] ?? null;
      await gate;
      return value;
    },
  });
  return { cache, loads, release };
}

describe("LoadingCache", () => {
  it("shares one load between concurrent misses and serves later hits from memory", async () => {
    const { cache, loads, release } = counting({ a: "A" });
    const pending = Promise.all([cache.get("a"), cache.get("a"), cache.get("a")]);
    release();
    expect(await pending).toEqual(["A", "A", "A"]);
    expect(await cache.get("a")).toBe("A");
    expect(loads).toEqual(["a"]);
  });

  it("caches negative results, and reloads after an invalidation", async () => {
    const values: Record<string, string | null> = {};
    const { cache, loads, release } = counting(values);
    release();
    expect(await cache.get("b")).toBeNull();
    expect(await cache.get("b")).toBeNull();
    values.b = "B";
    cache.deleteWhere((value) => value === null);
    expect(await cache.get("b")).toBe("B");
    expect(loads).toEqual(["b", "b"]);
  });

  it("does not store a load that raced with an invalidation", async () => {
    const values: Record<string, string | null> = { c: "old" };
    const { cache, loads, release } = counting(values);
    const racing = cache.get("c");
    cache.delete("c");
    values.c = "new";
    release();
    expect(await racing).toBe("old");
    expect(await cache.get("c")).toBe("new");
    expect(loads).toEqual(["c", "c"]);
  });
});
