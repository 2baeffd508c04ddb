/**
 * The grant token of a request: `Authorization: Bearer <token>`, or `?token=<token>` for clients that
 * cannot set headers. Returns undefined when neither is present.
 */
export function extractToken(authorization: string | undefined, query: string): string | undefined {
  if (authorization !== undefined) {
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  if (query.length === 0) return undefined;
  const token = new URLSearchParams(query).get("token");
  return token === null || token.length === 0 ? undefined : token;
}
