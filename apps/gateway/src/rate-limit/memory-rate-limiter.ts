import { type LimitCheck, retryAfterSeconds } from "@toolgate/policy-core";
import type { LimitResult, RateLimiter, Reservation } from "./rate-limiter";
import { windowCounters } from "./window-counters";

/** A single-process RateLimiter with the same semantics as the Redis one, for tests and local use. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly counts = new Map<string, { used: number; expiresAtMs: number }>();

  async reserve(limits: readonly LimitCheck[], nowMs: number): Promise<LimitResult> {
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
