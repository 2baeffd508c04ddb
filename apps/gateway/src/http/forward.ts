import { recordUpstreamFailure } from "../call-log/call-log-draft";
import { GatewayError } from "../errors/gateway-error";
import { forwardToBridge } from "../relay/forward-to-bridge";
import { type Inspection, relayResponse } from "../upstream/relay-response";
import { sendUpstream } from "../upstream/send-upstream";
import { upstreamHeaders } from "../upstream/upstream-headers";
import type { Exchange } from "./exchange";
import { tenantBusy } from "./tenant-busy";

/** Sends the request upstream and relays the answer; returns true if the upstream failed it. */
export async function forward(
  exchange: Exchange,
  method: "POST" | "GET" | "DELETE",
  body: Buffer | undefined,
  inspection: Inspection,
): Promise<boolean> {
  const { res, auth, services } = exchange;
  const controller = new AbortController();
  // A client that goes away must not leave the upstream request (or SSE stream) running.
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const target = auth.server.upstream;
  if (target.blocked !== null) throw new GatewayError("upstream_blocked", target.blocked);
  // GET streams are long-lived by design, so they have a cap of their own; requests share the other.
  const release = acquireSlot(exchange, method);
  const sessionId = exchange.upstreamSessionId;
  const done = sessionId === undefined ? undefined : services.reaper.begin(target, sessionId);
  const upstreamAt = performance.now();
  try {
    if (target.transport !== "streamable_http") return await forwardToBridge(exchange, body, inspection);
    return await relay(exchange, method, body, inspection, controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    // The client left (e.g. closed its SSE stream): normal, and nothing is left to answer. The upstream
    // may already have run a call, so its quota is not given back.
    exchange.draft.message = "The client closed the connection.";
    return false;
  } finally {
    exchange.upstreamMs = performance.now() - upstreamAt;
    done?.();
    release();
  }
}

function acquireSlot({ auth, services }: Exchange, method: "POST" | "GET" | "DELETE"): () => void {
  const tenantId = auth.server.tenantId;
  if (method === "GET") {
    const release = services.streams.acquire(tenantId);
    if (release !== null) return release;
    throw new GatewayError(
      "tenant_streams_busy",
      `Too many open GET streams for this organisation (limit ${services.streams.max}); close one first.`,
      { retryAfterS: 5 },
    );
  }
  const release = services.concurrency.acquire(tenantId);
  if (release !== null) return release;
  throw tenantBusy(services.concurrency.max);
}

async function relay(
  exchange: Exchange,
  method: "POST" | "GET" | "DELETE",
  body: Buffer | undefined,
  inspection: Inspection,
  signal: AbortSignal,
): Promise<boolean> {
  const { req, res, auth, services, draft } = exchange;
  const target = auth.server.upstream;
  const span = exchange.trace?.startUpstream();
  const headers = upstreamHeaders(
    req.headers,
    target.headers,
    exchange.upstreamSessionId,
    body !== undefined,
  );
  const reply = await sendUpstream(services.pools, target, {
    method,
    headers: span === undefined ? headers : { ...headers, ...span.headers },
    body,
    signal,
    headersTimeoutMs: services.upstreamHeadersTimeoutMs,
    // Between two chunks: an idle GET stream is closed, and the client opens a new one if it still wants it.
    bodyTimeoutMs: method === "GET" ? services.streamIdleMs : services.upstreamBodyTimeoutMs,
  }).catch((error: unknown) => {
    span?.end(null, error);
    throw error;
  });
  draft.upstreamStatus = reply.statusCode;
  span?.end(reply.statusCode);
  const outcome = await relayResponse(reply, res, inspection, (upstreamId) =>
    services.binding.bind(upstreamId, auth.grant.id, auth.server.id),
  );
  if (exchange.upstreamSessionId === undefined && outcome.upstreamSessionId !== undefined) {
    // A new session (initialize): tracked from now on, so it is ended if the client abandons it.
    services.reaper.begin(target, outcome.upstreamSessionId)();
  }
  const ended = (method === "DELETE" && reply.statusCode < 300) || reply.statusCode === 404;
  if (exchange.upstreamSessionId !== undefined && ended) {
    services.reaper.forget(target, exchange.upstreamSessionId);
  }
  draft.sessionId ??= outcome.upstreamSessionId ?? null;
  if (outcome.failure !== null || reply.statusCode >= 500) {
    recordUpstreamFailure(draft, outcome.failure?.message ?? null);
  }
  return outcome.failed;
}
