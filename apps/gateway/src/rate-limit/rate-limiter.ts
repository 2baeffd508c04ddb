import type { LimitCheck } from "@toolgate/policy-core";

/** What a granted call holds: the exact window counters it incremented, so it can give them back. */
export type Reservation = { counters: ReservedCounter[] };
export type ReservedCounter = { key: string; max: number; ttlSeconds: number };

export type LimitResult =
  | { ok: true; reservation: Reservation }
  | { ok: false; limit: LimitCheck; resetAtMs: number; retryAfterSeconds: number };

/**
 * Check-and-reserve for all of one call's limits at once: either every counter has room and all
 * are incremented, or none is and the first exhausted limit is named. Throws LimitsUnavailableError
 * when the store cannot be reached.
 */
export interface RateLimiter {
  reserve(limits: readonly LimitCheck[], nowMs: number): Promise<LimitResult>;
  /** Gives a reservation back when the upstream failed the call. */
  refund(reservation: Reservation): Promise<void>;
  /** "degraded" while the limit store is unreachable (limited calls then fail closed). */
  health(): "ok" | "degraded";
}
