import { type Dispatcher, errors } from "undici";
import type { UpstreamTarget } from "../cache/cached-types";
import { GatewayError } from "../errors/gateway-error";
import type { UpstreamPools } from "./upstream-pools";

export type UpstreamRequest = {
  method: "POST" | "GET" | "DELETE";
  headers: Record<string, string>;
  body?: Buffer | undefined;
  signal: AbortSignal;
  /** Longest wait for the upstream's response headers. */
  headersTimeoutMs: number;
  /** Longest silence inside a response body; 0 for long-lived SSE streams. */
  bodyTimeoutMs: number;
};

/** Sends one request to a server's upstream over its keep-alive pool; failures become GatewayErrors. */
export async function sendUpstream(
  pools: UpstreamPools,
  target: UpstreamTarget,
  request: UpstreamRequest,
): Promise<Dispatcher.ResponseData> {
  try {
    return await pools.get(target.origin).request({
      path: target.path,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeout: request.headersTimeoutMs,
      bodyTimeout: request.bodyTimeoutMs,
    });
  } catch (error) {
    throw toUpstreamError(error);
  }
}

/** Maps a transport failure talking to an upstream to the error the client sees. */
export function toUpstreamError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
    return new GatewayError("upstream_timeout", "The upstream MCP server did not answer in time.", {
      cause: error,
    });
  }
  return new GatewayError("upstream_unavailable", "The upstream MCP server could not be reached.", {
    cause: error,
  });
}
