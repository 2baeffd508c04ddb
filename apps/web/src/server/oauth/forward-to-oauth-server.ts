import { getEnv } from "../../env";

// Hop-by-hop headers, and encodings the fetch below already undid.
const DROPPED_RESPONSE_HEADERS = [
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-encoding",
  "content-length",
];

/**
 * Passes a request to the authorization server process unchanged, telling it the public host and
 * scheme, so every URL it builds (issuer, endpoints, redirects, cookies) is the dashboard's own.
 */
export async function forwardToOAuthServer(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const publicUrl = new URL(getEnv().AUTH_URL ?? incoming.origin);
  const target = new URL(`${incoming.pathname}${incoming.search}`, getEnv().TOOLGATE_OAUTH_INTERNAL_URL);
  const headers = new Headers(request.headers);
  headers.set("x-forwarded-host", publicUrl.host);
  headers.set("x-forwarded-proto", publicUrl.protocol.replace(":", ""));
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: "manual",
  });
  const responseHeaders = new Headers(upstream.headers);
  for (const name of DROPPED_RESPONSE_HEADERS) responseHeaders.delete(name);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}
