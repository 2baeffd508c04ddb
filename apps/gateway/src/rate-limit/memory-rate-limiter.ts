import { type LimitCheck, retryAfterSeconds } from "@toolgate/policy-core";
import type { LimitResult, RateLimiter, Reservation } from "./rate-limiter";
import { windowCounters } from "./window-counters";

/** How often expired counters are dropped: each key names its window, so a passed window is never read again. */
const SWEEP_EVERY_MS = 10_000;

/**
 * A single-process RateLimiter with the same semantics as the Redis one: the limiter of single-node mode.
 * Where Redis expires keys itself, this one sweeps passed windows every 10 s, so its size follows the
 * counters in use rather than every window since start.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, { used: number; expiresAtMs: number }>();
  private nextSweepAtMs = 0;

  /** Counters held (live windows, plus passed ones until the next sweep). */
  get size(): number {
    return this.counts.size;
  }

  async reserve(limits: readonly LimitCheck[], nowMs: number): Promise<LimitResult> {
    this.sweepExpired(nowMs);
    const counters = windowCounters(limits, nowMs);
    for (const counter of counters) {
      if (this.used(counter.key, nowMs) >= counter.max) {
        return {
          ok: false,
          limit: counter.limit,
          resetAtMs: counter.resetAtMs,
          retryAfterSeconds: retryAfterSeconds(nowMs, counter.ttlSeconds),
        };
      }
    }
    for (const counter of counters) {
      const used = this.used(counter.key, nowMs);
      const expiresAtMs = used === 0 ? nowMs + counter.ttlSeconds * 1000 : this.expiry(counter.key);
      this.counts.set(counter.key, { used: used + 1, expiresAtMs });
    }
    return {
      ok: true,
      reservation: { counters: counters.map(({ key, max, ttlSeconds }) => ({ key, max, ttlSeconds })) },
    };
  }

  async refund(reservation: Reservation): Promise<void> {
    for (const { key } of reservation.counters) {
      const entry = this.counts.get(key);
      if (entry !== undefined && entry.used > 0) entry.used -= 1;
    }
  }

  health(): "ok" {
    return "ok";
  }

  private sweepExpired(nowMs: number): void {
    if (nowMs < this.nextSweepAtMs) return;
    this.nextSweepAtMs = nowMs + SWEEP_EVERY_MS;
    for (const [key, entry] of this.counts) if (entry.expiresAtMs <= nowMs) this.counts.delete(key);
  }

  private used(key: string, nowMs: number): number {
    const entry = this.counts.get(key);
    if (entry === undefined) return 0;
    if (entry.expiresAtMs <= nowMs) {
      this.counts.delete(key);
      return 0;
    }
    return entry.used;
  }

  private expiry(key: string): number {
    return this.counts.get(key)?.expiresAtMs ?? 0;
  }
}
