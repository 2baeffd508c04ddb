import { type LimitCheck, retryAfterSeconds } from "@toolgate/policy-core";
import type { Logger } from "pino";
import type { RedisConnection } from "../runtime/redis-target";
import { ExhaustedWindows } from "./exhausted-windows";
import type { LimitResult, RateLimiter, Reservation } from "./rate-limiter";
import { type LimiterHealth, RedisCircuit } from "./redis-circuit";
import { RedisScript } from "./redis-script";
import { windowCounters } from "./window-counters";

/** Told about each Redis round trip a reservation makes (metrics); must not throw or block. */
export type LimiterObserver = (result: "ok" | "full" | "failed", ms: number) => void;

// Checks every counter first and increments only if all have room, so a denied call spends nothing.
// KEYS: window counters; ARGV: max and ttl of each, in order. Returns 0, or the 1-based index of the full one.
const RESERVE = `
for i = 1, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used >= tonumber(ARGV[2 * i - 1]) then return i end
end
for i = 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then redis.call('EXPIRE', KEYS[i], ARGV[2 * i]) end
end
return 0
`;

// Never below zero, and never recreates a counter whose window already expired.
const REFUND = `
for i = 1, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used > 0 then redis.call('DECR', KEYS[i]) end
end
return 0
`;

/**
 * RateLimiter over Redis: one EVALSHA per decision, exact under concurrency and across replicas.
 * Give it a connection from createLimiterRedis so an outage fails calls fast instead of queueing them.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly reserveScript: RedisScript;
  private readonly refundScript: RedisScript;
  private readonly exhausted = new ExhaustedWindows();
  private readonly circuit: RedisCircuit;
  private readonly observe: LimiterObserver | undefined;

  private readonly logger: Logger | undefined;

  constructor(
    redis: RedisConnection,
    options: {
      logger?: Logger;
      observer?: LimiterObserver;
      /** TOOLGATE_LIMITER_TIMEOUT_MS: how long a call waits for its check before failing closed. */
      timeoutMs?: number;
    } = {},
  ) {
    this.observe = options.observer;
    this.logger = options.logger;
    this.reserveScript = new RedisScript(redis, RESERVE);
    this.refundScript = new RedisScript(redis, REFUND);
    this.circuit = new RedisCircuit(redis, options.logger, options.timeoutMs ?? 250);
  }

  health(): LimiterHealth {
    return this.circuit.health();
  }

  async reserve(limits: readonly LimitCheck[], nowMs: number): Promise<LimitResult> {
    const counters = windowCounters(limits, nowMs);
    for (const counter of counters) {
      const resetAtMs = this.exhausted.isExhausted(counter.key, nowMs);
      if (resetAtMs !== undefined) {
        return {
          ok: false,
          limit: counter.limit,
          resetAtMs,
          retryAfterSeconds: retryAfterSeconds(nowMs, counter.ttlSeconds),
        };
      }
    }
    const args = counters.flatMap((counter) => [counter.max, counter.ttlSeconds]);
    const keys = counters.map((counter) => counter.key);
    const full = await this.roundTrip(keys, args);
    const exhausted = full > 0 ? counters[full - 1] : undefined;
    if (exhausted !== undefined) {
      this.exhausted.remember(exhausted.key, exhausted.resetAtMs);
      return {
        ok: false,
        limit: exhausted.limit,
        resetAtMs: exhausted.resetAtMs,
        retryAfterSeconds: retryAfterSeconds(nowMs, exhausted.ttlSeconds),
      };
    }
    return {
      ok: true,
      reservation: { counters: counters.map(({ key, max, ttlSeconds }) => ({ key, max, ttlSeconds })) },
    };
  }

  private async roundTrip(keys: string[], args: number[]): Promise<number> {
    const reserve = () => this.reserveScript.run(keys, args);
    // The call was refused when the check timed out; if the script ran after all and reserved, undo it.
    const late = (full: unknown) => {
      if (Number(full) === 0) void this.giveBackLate(keys);
    };
    if (this.observe === undefined) return Number(await this.circuit.run(reserve, late));
    const startedAt = performance.now();
    try {
      const full = Number(await this.circuit.run(reserve, late));
      this.observe(full > 0 ? "full" : "ok", performance.now() - startedAt);
      return full;
    } catch (error) {
      this.observe("failed", performance.now() - startedAt);
      throw error;
    }
  }

  /** Not through the circuit: the late answer just showed Redis is there, and this must be sent. */
  private async giveBackLate(keys: string[]): Promise<void> {
    try {
      await this.refundScript.run(keys, []);
      this.logger?.info(
        { counters: keys.length },
        "limit check answered after its timeout: reservation given back",
      );
    } catch (error) {
      this.logger?.warn(
        { err: error },
        "limit check answered after its timeout; giving its reservation back failed",
      );
    }
  }

  async refund(reservation: Reservation): Promise<void> {
    if (reservation.counters.length === 0) return;
    const keys = reservation.counters.map((counter) => counter.key);
    for (const key of keys) this.exhausted.forget(key);
    await this.circuit.run(() => this.refundScript.run(keys, []));
  }
}
