// Percent-encoded characters that mean the same decoded (RFC 3986 unreserved), plus '/' and '\',
// decoded for matching only so that "..%2F" cannot walk out of a directory a rule allows.
const DECODED_FOR_MATCHING = /%(2[dDeEfF]|3[0-9]|[46][1-9a-fA-F]|[57][0-9aA]|5[cCfF]|7[eE])/g;

/**
 * The form a resource URI is matched in: percent-encoded unreserved characters (and '/', '\')
 * decoded, then the WHATWG URL form (scheme and host lower-cased, "." and ".." segments resolved).
 * "file:///public/%2e%2e/etc/passwd" matches as "file:///etc/passwd". A string that is not a URL
 * (a bare "*" glob) is matched as written.
 */
export function canonicalResourceUri(uri: string): string {
  const decoded = uri
    .trim()
    .replace(DECODED_FOR_MATCHING, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  if (!decoded.includes(":")) return decoded;
  try {
    return new URL(decoded).href;
  } catch {
    return decoded;
  }
}

/** A resource template's URI as a glob: each `{expression}` (RFC 6570) becomes `*`. */
export function templateAsGlob(uriTemplate: string): string {
  return uriTemplate.replace(/\{[^}]*\}/g, "*");
}
