import { type LimitCheck, windowStartSeconds } from "@toolgate/policy-core";
import type { ReservedCounter } from "./rate-limiter";

export type WindowCounter = ReservedCounter & { limit: LimitCheck; resetAtMs: number };

/**
 * The fixed calendar-window counter of each limit at `nowMs`. Limits that share a key (rules naming
 * the same counter) become one counter with the smallest max, so a call spends a shared budget once.
 */
export function windowCounters(limits: readonly LimitCheck[], nowMs: number): WindowCounter[] {
  const byKey = new Map<string, WindowCounter>();
  for (const limit of limits) {
    const windowStart = windowStartSeconds(nowMs, limit.windowSeconds);
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
