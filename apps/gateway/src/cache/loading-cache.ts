import { LRUCache } from "lru-cache";
import { GatewayError } from "../errors/gateway-error";
import type { StoreHealth } from "./store-health";
import { storeUnavailableError } from "./store-unavailable-error";

export type LoadingCacheOptions<V> = {
  /** Positive entries kept at most (LRU). */
  max: number;
  /** Negative entries kept at most, in a store of their own so a flood of unknown keys evicts no good entry. */
  negativeMax?: number;
  /** How long an entry is served without asking the database (change notifications invalidate sooner). */
  ttlMs: number;
  /** Shorter life for negative results (unknown token, unknown server), so new objects appear quickly. */
  negativeTtlMs: number;
  /** How long past its load an entry may still be served while the database cannot be reached. */
  staleMaxMs: number;
  /** A load slower than this counts as a failed one (a blocked network never refuses). */
  loadTimeoutMs: number;
  health: StoreHealth;
  isNegative: (value: V) => boolean;
  load: (key: string) => Promise<V>;
  now?: () => number;
};

type Entry<V> = { value: V; loadedAt: number; freshUntil: number };

/**
 * A bounded LRU whose misses are loaded once: concurrent misses on a key share one load. A load that
 * started before an invalidation is returned to its callers but not stored, so it cannot resurrect stale
 * data. While the database is unreachable, expired entries keep being served (up to `staleMaxMs` old)
 * and are refreshed as soon as it answers; a key with nothing cached fails with 503 `store_unavailable`.
 */
export class LoadingCache<V> {
  private readonly positives: LRUCache<string, Entry<V>>;
  private readonly negatives: LRUCache<string, Entry<V>>;
  private readonly inflight = new Map<string, Promise<V>>();
  private readonly now: () => number;
  private generation = 0;
  /** How many loads ran (each a database query in the gateway); for tests and metrics. */
  loads = 0;
  /** How many lookups were answered from memory; for metrics. */
  hits = 0;

  constructor(private readonly options: LoadingCacheOptions<V>) {
    this.positives = new LRUCache<string, Entry<V>>({ max: options.max });
    this.negatives = new LRUCache<string, Entry<V>>({ max: options.negativeMax ?? options.max });
    this.now = options.now ?? (() => performance.now());
  }

  get(key: string): Promise<V> {
    const entry = this.positives.get(key) ?? this.negatives.get(key);
    const now = this.now();
    if (entry !== undefined) {
      if (now < entry.freshUntil) {
        this.hits += 1;
        return Promise.resolve(entry.value);
      }
      if (this.refreshAhead(key, entry, now)) {
        this.hits += 1;
        return Promise.resolve(entry.value);
      }
      if (now - entry.loadedAt < this.options.staleMaxMs) return this.revalidate(key, entry);
      this.forget(key);
    }
    const health = this.options.health;
    if (health.isDown() && !this.inflight.has(key) && !health.takeProbe()) {
      return Promise.reject(storeUnavailableError(new Error("postgres is unreachable")));
    }
    return this.inflight.get(key) ?? this.loadInto(key);
  }

  delete(key: string): void {
    this.generation += 1;
    this.forget(key);
    this.inflight.delete(key);
  }

  /** Drops every cached value matching `predicate`; used when a change event names an id, not a key. */
  deleteWhere(predicate: (value: V) => boolean): void {
    this.generation += 1;
    for (const store of [this.positives, this.negatives]) {
      for (const [key, entry] of store.entries()) {
        if (predicate(entry.value)) store.delete(key);
      }
    }
    this.inflight.clear();
  }

  /** Marks everything for a reload on next use, keeping values to serve if the database is down again. */
  expireAll(): void {
    this.generation += 1;
    for (const store of [this.positives, this.negatives]) {
      for (const entry of store.values()) entry.freshUntil = Number.NEGATIVE_INFINITY;
    }
    this.inflight.clear();
  }

  clear(): void {
    this.generation += 1;
    this.positives.clear();
    this.negatives.clear();
    this.inflight.clear();
  }

  /** Entries held: positive and negative. */
  size(): { positive: number; negative: number } {
    return { positive: this.positives.size, negative: this.negatives.size };
  }

  /**
   * An entry past its TTL by less than one more TTL is answered from memory while one load refreshes
   * it in the background: a call never waits on a busy database for a value it already has. (Changes
   * arrive as notifications and drop entries at once; the TTL only bounds a missed one. Entries marked
   * for reload after a listener reconnect are not served this way.) True if answered so.
   */
  private refreshAhead(key: string, entry: Entry<V>, now: number): boolean {
    const life = entry.freshUntil - entry.loadedAt;
    if (!(now - entry.freshUntil < life) || this.options.health.isDown()) return false;
    if (!this.inflight.has(key)) this.loadInto(key).catch(() => {});
    return true;
  }

  private revalidate(key: string, entry: Entry<V>): Promise<V> {
    const health = this.options.health;
    if (health.isDown()) {
      // Answer from memory now; at most one probe per retry interval goes to the database.
      if (!this.inflight.has(key) && health.takeProbe()) this.loadInto(key).catch(() => {});
      this.hits += 1;
      return Promise.resolve(entry.value);
    }
    const pending = this.inflight.get(key) ?? this.loadInto(key);
    return pending.catch((error: unknown) => {
      if (error instanceof GatewayError && error.code === "store_unavailable") return entry.value;
      throw error;
    });
  }

  private forget(key: string): void {
    this.positives.delete(key);
    this.negatives.delete(key);
  }

  private loadInto(key: string): Promise<V> {
    const generation = this.generation;
    const health = this.options.health;
    this.loads += 1;
    const pending = withTimeout(this.options.load(key), this.options.loadTimeoutMs).then(
      (value) => {
        health.succeeded();
        if (generation === this.generation) this.store(key, value);
        return value;
      },
      (error: unknown) => {
        // A GatewayError is an answer about the data (e.g. unreadable credentials), not an outage.
        if (error instanceof GatewayError) throw error;
        health.failed(error);
        throw storeUnavailableError(error);
      },
    );
    this.inflight.set(key, pending);
    const settle = () => {
      if (this.inflight.get(key) === pending) this.inflight.delete(key);
    };
    pending.then(settle, settle);
    return pending;
  }

  private store(key: string, value: V): void {
    const now = this.now();
    const negative = this.options.isNegative(value);
    const entry = {
      value,
      loadedAt: now,
      freshUntil: now + (negative ? this.options.negativeTtlMs : this.options.ttlMs),
    };
    if (negative) {
      this.positives.delete(key);
      this.negatives.set(key, entry);
    } else {
      this.negatives.delete(key);
      this.positives.set(key, entry);
    }
  }
}

class LoadTimeoutError extends Error {
  readonly code = "load_timeout";
}

function withTimeout<V>(pending: Promise<V>, timeoutMs: number): Promise<V> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LoadTimeoutError(`database lookup took over ${timeoutMs} ms`)),
      timeoutMs,
    );
    timer.unref();
  });
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}
