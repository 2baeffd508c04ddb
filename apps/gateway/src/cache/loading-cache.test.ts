import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { LoadingCache } from "./loading-cache";
import { StoreHealth } from "./store-health";

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
    staleMaxMs: 60_000,
    loadTimeoutMs: 1_000,
    health: new StoreHealth(createLogger("silent")),
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

  it("serves expired entries while the database fails, then refreshes them when it is back", async () => {
    const clock = { ms: 0 };
    const now = () => clock.ms;
    let down = false;
    const values: Record<string, string> = { a: "A1" };
    const health = new StoreHealth(createLogger("silent"), 1_000, now);
    const cache = new LoadingCache<string | null>({
      max: 10,
      ttlMs: 1_000,
      negativeTtlMs: 500,
      staleMaxMs: 10_000,
      loadTimeoutMs: 1_000,
      health,
      now,
      isNegative: (value) => value === null,
      load: async (key) => {
        if (down) throw new Error("connect ECONNREFUSED");
        return values[key] ?? null;
      },
    });
    expect(await cache.get("a")).toBe("A1");
    down = true;
    values.a = "A2";
    clock.ms = 5_000;
    // Past its TTL, the load fails: the old value is served and the store is marked down.
    expect(await cache.get("a")).toBe("A1");
    expect(health.state()).toBe("degraded");
    // A key never loaded has nothing to serve: 503 store_unavailable, not an internal error.
    await expect(cache.get("b")).rejects.toMatchObject({ code: "store_unavailable", retryAfterS: 5 });
    // Past the stale bound the entry is gone too.
    clock.ms = 10_500;
    await expect(cache.get("a")).rejects.toMatchObject({ code: "store_unavailable" });
    down = false;
    clock.ms = 12_000;
    expect(await cache.get("a")).toBe("A2");
    expect(health.state()).toBe("ok");
  });

  it("answers an entry just past its TTL from memory while one load refreshes it; never after a reconnect", async () => {
    const clock = { ms: 0 };
    const now = () => clock.ms;
    const values: Record<string, string> = { a: "A1" };
    let finishLoad: () => void = () => {};
    let loads = 0;
    const cache = new LoadingCache<string | null>({
      max: 10,
      ttlMs: 1_000,
      negativeTtlMs: 1_000,
      staleMaxMs: 60_000,
      loadTimeoutMs: 60_000,
      health: new StoreHealth(createLogger("silent"), 1_000, now),
      now,
      isNegative: (value) => value === null,
      load: (key) => {
        loads += 1;
        const value = values[key] ?? null;
        return loads === 1
          ? Promise.resolve(value)
          : new Promise((resolve) => (finishLoad = () => resolve(value)));
      },
    });
    expect(await cache.get("a")).toBe("A1");
    values.a = "A2";
    clock.ms = 1_500;
    // The database is slow: both lookups are answered at once from memory, and share one load.
    expect(await cache.get("a")).toBe("A1");
    expect(await cache.get("a")).toBe("A1");
    expect(loads).toBe(2);
    finishLoad();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get("a")).toBe("A2");
    // Past one more TTL the lookup waits for the database again.
    values.a = "A3";
    clock.ms = 4_000;
    const waiting = cache.get("a");
    let answered = false;
    void waiting.then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    finishLoad();
    expect(await waiting).toBe("A3");
    // After a listener reconnect notifications may have been missed: the lookup waits for a fresh load.
    values.a = "A4";
    cache.expireAll();
    const reloading = cache.get("a");
    finishLoad();
    expect(await reloading).toBe("A4");
    expect(loads).toBe(4);
  });

  it("keeps negative results apart, so unknown keys never evict known ones", async () => {
    const cache = new LoadingCache<string | null>({
      max: 2,
      negativeMax: 2,
      ttlMs: 60_000,
      negativeTtlMs: 60_000,
      staleMaxMs: 60_000,
      loadTimeoutMs: 1_000,
      health: new StoreHealth(createLogger("silent")),
      isNegative: (value) => value === null,
      load: async (key) => (key.startsWith("known") ? key.toUpperCase() : null),
    });
    await cache.get("known-1");
    await cache.get("known-2");
    for (let i = 0; i < 50; i++) await cache.get(`random-${i}`);
    expect(cache.size()).toEqual({ positive: 2, negative: 2 });
    const loadsBefore = cache.loads;
    expect(await cache.get("known-1")).toBe("KNOWN-1");
    expect(await cache.get("known-2")).toBe("KNOWN-2");
    expect(cache.loads).toBe(loadsBefore);
  });

  it("counts a load that hangs past its timeout as a failure and serves the stale value", async () => {
    const clock = { ms: 0 };
    const now = () => clock.ms;
    let hang = false;
    const cache = new LoadingCache<string | null>({
      max: 10,
      ttlMs: 1_000,
      negativeTtlMs: 1_000,
      staleMaxMs: 60_000,
      loadTimeoutMs: 50,
      health: new StoreHealth(createLogger("silent"), 1_000, now),
      now,
      isNegative: (value) => value === null,
      load: (key) => (hang ? new Promise<string>(() => {}) : Promise.resolve(key)),
    });
    expect(await cache.get("x")).toBe("x");
    hang = true;
    clock.ms = 2_000;
    expect(await cache.get("x")).toBe("x");
  });
});
