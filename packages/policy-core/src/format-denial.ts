import type { LimitCheck } from "./decision";
import { describeWindow } from "./schema/units";

/**
 * The text an agent sees for a denied call:
 * "[POLICY DENIED] <reason> Rule: <rule>" plus ". Retry after <n>s." for a rate limit.
 */
export function formatDenial(denial: { reason: string; rule: string; retryAfterSeconds?: number }): string {
  const reason = denial.reason.trim();
  const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
  const text = `[POLICY DENIED] ${sentence} Rule: ${denial.rule}`;
  if (denial.retryAfterSeconds === undefined) return text;
  return `${text}. Retry after ${Math.max(1, Math.ceil(denial.retryAfterSeconds))}s.`;
}

/** The reason for a limit denial, e.g. "Rate limit reached: 30 calls per minute per grant (counter mountiso_rate, fixed window)." */
export function describeLimitDenial(limit: LimitCheck): string {
  const calls = limit.max === 1 ? "1 call" : `${limit.max} calls`;
  return `Rate limit reached: ${calls} per ${describeWindow(limit.windowSeconds)} per ${limit.scope} (counter ${limit.counter}, fixed window).`;
}
