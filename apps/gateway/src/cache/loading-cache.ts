import { LRUCache } from "lru-cache";

export type LoadingCacheOptions<V> = {
  max: number;
  /** Bounded staleness if a change notification is ever missed. */
  ttlMs: number;
  /** Shorter life for negative results (unknown token, unknown server), so new objects appear quickly. */
  negativeTtlMs: number;
  isNegative: (value: V) => boolean;
  load: (key: string) => Promise<V>;
};

type Entry<V> = { value: V };

/**
 * A bounded LRU whose misses are loaded once: concurrent misses on a key share one load. A load that
 * started before an invalidation is returned to its callers but not stored, so it cannot resurrect stale data.
 */
export class LoadingCache<V> {
  private readonly entries: LRUCache<string, Entry<V>>;
  private readonly inflight = new Map<string, Promise<V>>();
  private generation = 0;
  /** How many loads ran (each a database query in the gateway); for tests and metrics. */
  loads = 0;
  /** How many lookups were answered from memory; for metrics. */
  hits = 0;

  constructor(private readonly options: LoadingCacheOptions<V>) {
    this.entries = new LRUCache<string, Entry<V>>({ max: options.max, ttl: options.ttlMs });
  }

  get(key: string): Promise<V> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.hits += 1;
      return Promise.resolve(hit.value);
    }
    return this.inflight.get(key) ?? this.loadInto(key);
  }

  delete(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
    this.inflight.delete(key);
  }

  /** Drops every cached value matching `predicate`; used when a change event names an id, not a key. */
  deleteWhere(predicate: (value: V) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries.entries()) {
      if (predicate(entry.value)) this.entries.delete(key);
    }
    this.inflight.clear();
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.inflight.clear();
  }

  private async loadInto(key: string): Promise<V> {
    const generation = this.generation;
    this.loads += 1;
    const pending = this.options.load(key);
    this.inflight.set(key, pending);
    try {
      const value = await pending;
      if (generation === this.generation) {
        const ttl = this.options.isNegative(value) ? this.options.negativeTtlMs : this.options.ttlMs;
        this.entries.set(key, { value }, { ttl });
      }
      return value;
    } finally {
      if (this.inflight.get(key) === pending) this.inflight.delete(key);
    }
  }
}
