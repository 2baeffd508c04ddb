import type { LimitCheck } from "@toolgate/policy-core";
import type { ReservedCounter } from "./rate-limiter";

export type WindowCounter = ReservedCounter & { limit: LimitCheck; resetAtMs: number };

/**
 * The fixed calendar-window counter of each limit at `nowMs`. Limits that share a key (rules naming
 * the same counter) become one counter with the smallest max, so a call spends a shared budget once.
 */
export function windowCounters(limits: readonly LimitCheck[], nowMs: number): WindowCounter[] {
  const byKey = new Map<string, WindowCounter>();
  const nowSeconds = Math.floor(nowMs / 1000);
  for (const limit of limits) {
    const windowStart = Math.floor(nowSeconds / limit.windowSeconds) * limit.windowSeconds;
    const key = `${limit.key}:${windowStart}`;
    const existing = byKey.get(key);
    if (existing !== undefined && existing.max <= limit.max) continue;
    byKey.set(key, {
      key,
      max: limit.max,
      ttlSeconds: limit.windowSeconds,
      limit,
      resetAtMs: (windowStart + limit.windowSeconds) * 1000,
    });
  }
  return [...byKey.values()];
}

/** Whole seconds until a window resets, at least 1 so a client never retries in a busy loop. */
export function retryAfterSeconds(resetAtMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000));
}
