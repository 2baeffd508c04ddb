/**
 * The dashboard's Content-Security-Policy for one response: scripts only from this origin and with this
 * response's nonce (Next.js puts it on its own scripts), never framed (click-jacking of approve buttons),
 * forms and connections to this origin only. Styles may be inline: React style attributes need it.
 * `formRedirects`: the OAuth consent page, whose form's answer redirects to the client's registered
 * redirect URI (any origin, or an app's own scheme); browsers apply form-action to that redirect too.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; formRedirects?: boolean },
): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': chunks loaded by a nonce'd script are trusted; dev needs eval for React's tooling.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ...(options.formRedirects === true ? [] : ["form-action 'self'"]),
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Headers every dashboard response carries, pages and API alike. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
};

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
