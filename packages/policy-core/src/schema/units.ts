/** Seconds in each named window; windows are fixed calendar buckets of this length. */
export const NAMED_WINDOWS = { second: 1, minute: 60, hour: 3600, day: 86400 } as const;
export type NamedWindow = keyof typeof NAMED_WINDOWS;

/** The longest window or approval timeout accepted (31 days), so keys and timers stay sane. */
export const MAX_SECONDS = 31 * 86400;

/** True for "second" | "minute" | "hour" | "day". */
export function isNamedWindow(text: string): text is NamedWindow {
  return Object.hasOwn(NAMED_WINDOWS, text);
}

/** Seconds of a window as written in a policy ("minute" or 60). */
export function windowToSeconds(window: NamedWindow | number): number {
  return typeof window === "number" ? window : NAMED_WINDOWS[window];
}

/** Human wording of a window: "minute", "hour", "90 seconds". */
export function describeWindow(seconds: number): string {
  for (const [name, value] of Object.entries(NAMED_WINDOWS)) {
    if (value === seconds) return name;
  }
  return seconds === 1 ? "second" : `${seconds} seconds`;
}

const DURATION_PATTERN = /^([1-9][0-9]{0,6})(s|m|h|d)$/;
const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds of a duration such as "30s", "10m", "1h", "2d"; undefined when malformed. */
export function durationToSeconds(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const [, amount, unit] = match;
  const factor = unit === undefined ? undefined : DURATION_UNITS[unit];
  if (amount === undefined || factor === undefined) return undefined;
  return Number(amount) * factor;
}

const RATE_LIMIT_PATTERN = /^([1-9][0-9]{0,8})\/(second|minute|hour|day|[1-9][0-9]{0,7})$/;

/** Parses the `rate_limit` shorthand "30/minute" (or "30/90" for 90 seconds). */
export function parseRateLimit(text: string): { max: number; windowSeconds: number } | undefined {
  const match = RATE_LIMIT_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, max, window] = match;
  if (max === undefined || window === undefined) return undefined;
  const windowSeconds = isNamedWindow(window) ? NAMED_WINDOWS[window] : Number(window);
  return { max: Number(max), windowSeconds };
}
