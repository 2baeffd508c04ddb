import { SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { UpstreamError } from "./upstream-error";

const TLS_CODES = new Set([
  "EPROTO",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "HOSTNAME_MISMATCH",
]);

/**
 * Explains why talking to an upstream failed, from the error the SDK or fetch raised (searched
 * through its causes). Returns undefined when nothing in the chain is recognised.
 */
export function toUpstreamError(error: unknown, url: URL): UpstreamError | undefined {
  for (const candidate of causeChain(error)) {
    const known = classify(candidate, url);
    if (known !== undefined) return known === candidate ? known : withCause(known, error);
  }
  return undefined;
}

function classify(error: unknown, url: URL): UpstreamError | undefined {
  if (error instanceof UpstreamError) return error;
  if (error instanceof StreamableHTTPError || error instanceof SseError)
    return fromHttpStatus(error.code, url);
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return new UpstreamError("timeout", `${url.host} did not answer in time.`);
  }
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (code === "ECONNREFUSED") {
    return new UpstreamError(
      "refused",
      `${url.host} refused the connection. Is the server running on that port?`,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") {
    return new UpstreamError(
      "dns",
      `Could not resolve host ${url.hostname}. Check the server address for typos.`,
    );
  }
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT") {
    return new UpstreamError("timeout", `${url.host} did not answer in time.`);
  }
  if (TLS_CODES.has(code) || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_")) {
    return new UpstreamError(
      "tls",
      `The secure connection to ${url.host} failed (${code}). Check its certificate.`,
    );
  }
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") {
    return new UpstreamError("http_error", `${url.host} closed the connection unexpectedly.`);
  }
  return undefined;
}

/** Maps an HTTP status (or the SDK's -1 for "not an MCP response") to an error. */
export function fromHttpStatus(status: number | undefined, url: URL): UpstreamError | undefined {
  if (status === undefined) return undefined;
  if (status === 401 || status === 403) {
    return new UpstreamError(
      "unauthorized",
      `${url.host} rejected the credentials (HTTP ${status}). Check the headers configured for this server.`,
      { status },
    );
  }
  if (status >= 300 && status < 400) {
    return new UpstreamError(
      "http_error",
      `${url.host} redirects (HTTP ${status}) to another origin; Toolgate follows redirects only within one origin. Register the final URL instead.`,
      { status },
    );
  }
  if (status === -1 || (status >= 400 && status < 500) || (status >= 200 && status < 300)) {
    const detail = status === -1 ? "" : ` (HTTP ${status})`;
    return new UpstreamError("not_mcp", `${url.href} does not answer like an MCP server${detail}.`, {
      status,
    });
  }
  return new UpstreamError("http_error", `${url.host} answered with HTTP ${status}.`, { status });
}

function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.has(next)) continue;
    seen.add(next);
    yield next;
    if (next instanceof AggregateError) queue.push(...next.errors);
    if (next instanceof Error) queue.push(next.cause);
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function withCause(error: UpstreamError, cause: unknown): UpstreamError {
  return new UpstreamError(error.code, error.message, { cause, status: error.status });
}
