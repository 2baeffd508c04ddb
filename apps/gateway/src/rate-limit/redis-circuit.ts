import { ReplyError } from "ioredis";
import type { Logger } from "pino";
import type { RedisConnection } from "../runtime/redis-target";
import { LimitsUnavailableError } from "./limits-unavailable-error";

export type LimiterHealth = "ok" | "degraded";

const UNAVAILABLE = "The rate-limit store (Redis) is unavailable.";

/** Why a command's answer did not count: it came after the caller stopped waiting. */
class AnswerTooLate extends Error {}

/**
 * Watches the limiter's Redis connection so limited calls fail at once while it is down instead of
 * queueing or hanging. Degraded when the connection drops or a command fails or is not answered within
 * `timeoutMs`; while degraded, commands are refused without being sent except one probe per cool-down,
 * and the first success (or a reconnect) heals it. Every transition is logged once.
 */
export class RedisCircuit {
  private state: LimiterHealth = "ok";
  private probeAtMs = 0;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger | undefined,
    private readonly timeoutMs: number,
    private readonly coolDownMs = 1_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    redis.on("ready", () => this.heal("reconnected"));
    redis.on("close", () => this.trip("connection closed", undefined));
  }

  health(): LimiterHealth {
    return this.state;
  }

  /**
   * Runs one Redis command through the circuit; connection failures and answers slower than the timeout
   * become LimitsUnavailableError. A command that timed out was sent and may still run: if its answer
   * comes later, it goes to `late` (e.g. to give back what it reserved for a call already refused).
   */
  async run<T>(command: () => Promise<T>, late?: (result: T) => void): Promise<T> {
    if (this.state === "degraded") {
      const nowMs = this.now();
      if (this.redis.status !== "ready" || nowMs < this.probeAtMs)
        throw new LimitsUnavailableError(UNAVAILABLE);
      // Half-open: this call probes; others keep failing fast until it answers.
      this.probeAtMs = nowMs + this.coolDownMs;
    }
    const answer = command();
    try {
      const result = await withinTimeout(answer, this.timeoutMs);
      this.heal("command succeeded");
      return result;
    } catch (error) {
      // A reply error is Redis answering (a bug in a script, say), not Redis being away.
      if (error instanceof ReplyError) throw error;
      if (error instanceof AnswerTooLate && late !== undefined) {
        answer.then(late, () => undefined); // never answered at all: nothing ran that could be given back
      }
      this.trip("command failed", error);
      throw new LimitsUnavailableError(UNAVAILABLE, { cause: error });
    }
  }

  private trip(why: string, cause: unknown): void {
    this.probeAtMs = this.now() + this.coolDownMs;
    if (this.state === "degraded") return;
    this.state = "degraded";
    this.logger?.error({ err: cause, why }, "redis degraded: limited tools fail closed until it is back");
  }

  private heal(why: string): void {
    if (this.state === "ok") return;
    this.state = "ok";
    this.logger?.info({ why }, "redis recovered: limited tools are counted again");
  }
}

function withinTimeout<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnswerTooLate(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}
