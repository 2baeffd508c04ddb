import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type AddressPolicy, checkUpstreamUrl } from "./check-upstream-url";
import { createGuardedFetch, type GuardedFetch } from "./guarded-fetch";
import { toUpstreamError } from "./to-upstream-error";
import { UpstreamError } from "./upstream-error";

/** Where an upstream MCP server is and the credentials it gets (never the agent's). */
export type UpstreamTarget = { url: string; headers: Record<string, string> };

export type UpstreamTransportKind = "streamable_http" | "sse";

export type ConnectUpstreamOptions = AddressPolicy & {
  /** Limit for connecting and for each of the handshake's steps (default 10 s). */
  timeoutMs?: number;
  clientInfo?: { name: string; version: string };
};

/** A connected SDK client and how it got through. */
export type UpstreamConnection = {
  client: Client;
  transport: UpstreamTransportKind;
  /** Ends the session (DELETE for Streamable HTTP) and releases the connections. */
  close(): Promise<void>;
};

const DEFAULT_CLIENT = { name: "toolgate", version: "0.1.0" };
// Statuses after which a server may still speak the legacy SSE transport; the SDK recommends the same.
const FALLBACK_CODES = new Set(["not_mcp"]);

/**
 * Connects to an upstream MCP server, trying Streamable HTTP first and falling back to legacy
 * HTTP+SSE. Every request goes through the SSRF guard. Failures are `UpstreamError`s.
 */
export async function connectUpstream(
  target: UpstreamTarget,
  options: ConnectUpstreamOptions,
): Promise<UpstreamConnection> {
  const url = await checkUpstreamUrl(target.url, options);
  let streamableError: UpstreamError;
  try {
    return await attempt("streamable_http", url, target, options);
  } catch (error) {
    if (!(error instanceof UpstreamError) || !FALLBACK_CODES.has(error.code)) throw error;
    streamableError = error;
  }
  try {
    return await attempt("sse", url, target, options);
  } catch (error) {
    if (!(error instanceof UpstreamError) || error.code !== "not_mcp") throw error;
    throw new UpstreamError(
      "not_mcp",
      `No MCP server answered at ${url.href} (tried Streamable HTTP and SSE). Check the URL's path, often /mcp or /sse.`,
      { cause: new AggregateError([streamableError, error]), status: error.status ?? streamableError.status },
    );
  }
}

async function attempt(
  kind: UpstreamTransportKind,
  url: URL,
  target: UpstreamTarget,
  options: ConnectUpstreamOptions,
): Promise<UpstreamConnection> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const guarded = createGuardedFetch({ allowPrivateAddresses: options.allowPrivateAddresses, timeoutMs });
  const transportOptions = { fetch: guarded.fetch, requestInit: { headers: target.headers } };
  const transport =
    kind === "streamable_http"
      ? new StreamableHTTPClientTransport(url, transportOptions)
      : new SSEClientTransport(url, transportOptions);
  const client = new Client(options.clientInfo ?? DEFAULT_CLIENT);
  try {
    await withDeadline(client.connect(transport, { timeout: timeoutMs }), timeoutMs, url);
  } catch (error) {
    await client.close().catch(() => undefined); // the failure being reported matters more than this one
    await guarded.close();
    throw explain(error, url, guarded);
  }
  return {
    client,
    transport: kind,
    close: async () => {
      try {
        if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession();
      } finally {
        await client.close();
        await guarded.close();
      }
    },
  };
}

/** The most specific explanation: from the error itself, else from what the fetch saw (SSE drops causes). */
function explain(error: unknown, url: URL, guarded: GuardedFetch): UpstreamError {
  const known = toUpstreamError(error, url) ?? toUpstreamError(guarded.lastFailure(), url);
  return (
    known ?? new UpstreamError("not_mcp", `${url.href} does not answer like an MCP server.`, { cause: error })
  );
}

function withDeadline<T>(work: Promise<T>, ms: number, url: URL): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UpstreamError("timeout", `${url.host} did not answer within ${ms} ms.`)),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
