/** Where to go after signing up or in: a path on this site only (never `//host`), else the dashboard. */
export function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/servers";
}
