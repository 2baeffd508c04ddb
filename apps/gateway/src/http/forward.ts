import { type Inspection, relayResponse } from "../upstream/relay-response";
import { sendUpstream } from "../upstream/send-upstream";
import { upstreamHeaders } from "../upstream/upstream-headers";
import type { Exchange } from "./exchange";

/** Sends the request upstream and relays the answer; returns true if the upstream failed it. */
export async function forward(
  exchange: Exchange,
  method: "POST" | "GET" | "DELETE",
  body: Buffer | undefined,
  inspection: Inspection,
): Promise<boolean> {
  const { req, res, auth, services, draft } = exchange;
  const controller = new AbortController();
  // A client that goes away must not leave the upstream request (or SSE stream) running.
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const reply = await sendUpstream(services.pools, auth.server.upstream, {
    method,
    headers: upstreamHeaders(req.headers, auth.server.upstream.headers, exchange.upstreamSessionId),
    body,
    signal: controller.signal,
    headersTimeoutMs: services.upstreamHeadersTimeoutMs,
    bodyTimeoutMs: method === "GET" ? 0 : services.upstreamBodyTimeoutMs,
  });
  draft.upstreamStatus = reply.statusCode;
  const outcome = await relayResponse(reply, res, inspection, (upstreamId) =>
    services.binding.bind(upstreamId, auth.grant.id, auth.server.id),
  );
  draft.sessionId ??= outcome.upstreamSessionId ?? null;
  if (outcome.message !== null) draft.message = outcome.message;
  return outcome.failed;
}
