/** Start (epoch seconds) of the fixed window holding `nowMs`: floor(now / window) * window. */
export function windowStartSeconds(nowMs: number, windowSeconds: number): number {
  return Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
}

/** Whole seconds until the fixed window holding `nowMs` ends (at least 1). */
export function retryAfterSeconds(nowMs: number, windowSeconds: number): number {
  const end = (windowStartSeconds(nowMs, windowSeconds) + windowSeconds) * 1000;
  return Math.max(1, Math.ceil((end - nowMs) / 1000));
}
