const TOKEN_PARAM = /([?&]token=)[^&#]*/gi;

/** The URL with any `token` query value replaced, safe to write to logs. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_PARAM, "$1[REDACTED]");
}
