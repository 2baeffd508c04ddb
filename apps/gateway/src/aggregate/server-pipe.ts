import type { Readable } from "node:stream";
import { request } from "undici";

/** What a server's per-server pipeline answered one POST with; the body still streams. */
export type PipeReply = { status: number; contentType: string; body: Readable };

/**
 * How the tenant URL reaches one of its servers: a POST to that server's own per-server pipeline
 * (identity, policy, limits, approvals, pinning, logs), never straight to the upstream.
 */
export type ServerPipe = {
  post(
    serverSlug: string,
    headers: Record<string, string>,
    body: string,
    signal?: AbortSignal,
  ): Promise<PipeReply>;
};

/** A pipe that calls the gateway's own per-server URL `/<tenant>/<server>/mcp` over loopback HTTP. */
export function loopbackPipe(selfUrl: string, tenantSlug: string): ServerPipe {
  return {
    async post(serverSlug, headers, body, signal) {
      const reply = await request(`${selfUrl}/${tenantSlug}/${serverSlug}/mcp`, {
        method: "POST",
        headers,
        body,
        signal,
      });
      const contentType = reply.headers["content-type"];
      return {
        status: reply.statusCode,
        contentType: typeof contentType === "string" ? contentType : "",
        body: reply.body,
      };
    },
  };
}
