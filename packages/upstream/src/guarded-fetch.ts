import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import { Agent, fetch as undiciFetch } from "undici";
import { type AddressPolicy, checkUpstreamUrl } from "./check-upstream-url";
import { guardedLookup } from "./guarded-lookup";
import { UpstreamError } from "./upstream-error";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A fetch for talking to upstreams, with its connection pool. */
export type GuardedFetch = {
  fetch: FetchLike;
  /** The last error a request failed with; transports that drop the cause (SSE) are explained from it. */
  lastFailure(): unknown;
  /** Closes the pooled connections. */
  close(): Promise<void>;
};

/** Options for createGuardedFetch. */
export type GuardedFetchOptions = AddressPolicy & {
  /** Limit for connecting and for receiving response headers (default 10 s); bodies (streams) are not limited. */
  timeoutMs?: number;
};

/**
 * A fetch that enforces the SSRF policy at every step: the URL of each request (so each redirect hop
 * the SDK follows), the target of any redirect it returns, and the addresses the socket actually
 * connects to (so a DNS answer that changes after the check cannot slip through). It never follows
 * redirects itself.
 */
export function createGuardedFetch(options: GuardedFetchOptions): GuardedFetch {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({
    connect: { lookup: guardedLookup(options), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: 0,
  });
  let lastFailure: unknown;

  const guarded: FetchLike = async (input, init) => {
    try {
      const url = await checkUpstreamUrl(input, options);
      const response = await undiciFetch(url, {
        method: init?.method ?? "GET",
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body: requestBody(init?.body),
        signal: init?.signal ?? null,
        redirect: "manual",
        dispatcher: agent,
      });
      await checkRedirect(response.status, response.headers.get("location"), url, options, () =>
        response.body?.cancel(),
      );
      return new Response(relayBody(response.body), {
        status: response.status,
        statusText: response.statusText,
        headers: new Headers([...response.headers]),
      });
    } catch (error) {
      lastFailure = error;
      throw error;
    }
  };
  return { fetch: guarded, lastFailure: () => lastFailure, close: () => agent.close() };
}

/** Refuses a redirect whose target the policy blocks, so callers never see a usable hop to it. */
async function checkRedirect(
  status: number,
  location: string | null,
  from: URL,
  policy: AddressPolicy,
  discard: () => Promise<void> | undefined,
): Promise<void> {
  if (!REDIRECT_STATUSES.has(status) || location === null) return;
  try {
    await checkUpstreamUrl(new URL(location, from), policy);
  } catch (cause) {
    await discard();
    if (!(cause instanceof UpstreamError)) throw cause;
    throw new UpstreamError(cause.code, `The server redirected to ${location}: ${cause.message}`, { cause });
  }
}

function requestBody(body: RequestInit["body"]): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  throw new TypeError("The upstream fetch sends only string or byte bodies.");
}

/**
 * Re-wraps undici's body stream as a stream of this runtime's global type, so the Response is the
 * standard one whatever `lib` the caller compiles with (Node types or DOM types).
 */
function relayBody(body: AsyncIterable<Uint8Array> | null): ReadableStream<Uint8Array> | null {
  if (body === null) return null;
  const chunks = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await chunks.return?.(reason);
    },
  });
}
