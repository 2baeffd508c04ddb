import { finished } from "node:stream/promises";
import { recordUpstreamFailure } from "../call-log/call-log-draft";
import { GatewayError } from "../errors/gateway-error";
import type { Exchange } from "../http/exchange";
import type { Inspection } from "../upstream/relay-response";
import type { BridgeSession } from "./bridge-session";

/**
 * Relays one client request to a bridged (legacy SSE or stdio) upstream session, opening the session on
 * initialize. Resolves when the client's response has ended; returns true if the upstream failed it.
 */
export async function forwardToBridge(
  exchange: Exchange,
  body: Buffer | undefined,
  inspection: Inspection,
): Promise<boolean> {
  const { session, done } = await sessionFor(exchange);
  try {
    return await relayTo(session, exchange, body, inspection);
  } finally {
    done();
  }
}

async function relayTo(
  session: BridgeSession,
  exchange: Exchange,
  body: Buffer | undefined,
  inspection: Inspection,
): Promise<boolean> {
  const { req, res, auth, services, draft } = exchange;
  const target = auth.server.upstream;
  let failed = false;
  // The newest policy filters every message of the session from now on, answers and notifications alike.
  session.useFilter(inspection.filter);
  if (inspection.id !== undefined && inspection.watchCall) {
    session.watch(inspection.id, {
      onAnswer: (failure) => {
        failed = failure?.kind === "protocol";
        if (failure !== null) recordUpstreamFailure(draft, failure.message);
      },
    });
  }
  if (req.method === "GET") session.closeStreamWhenIdle(services.streamIdleMs);
  const parsed: unknown = body === undefined ? undefined : JSON.parse(body.toString("utf8"));
  await session.client.handleRequest(req, res, parsed);
  await finished(res).catch(() => undefined); // a client that left has nothing more to receive
  draft.upstreamStatus = res.statusCode;
  if (res.statusCode >= 500) recordUpstreamFailure(draft, null);
  if (req.method === "DELETE" && exchange.upstreamSessionId !== undefined) {
    services.reaper.forget(target, exchange.upstreamSessionId);
  }
  return failed;
}

/**
 * The request's bridged session, opened on initialize. `done` ends what the request started: a new
 * session counts as busy for the idle reaper until its initialize is answered (a process slow to start
 * must not be reaped mid-initialize, leaving the client without an answer).
 */
async function sessionFor(exchange: Exchange): Promise<{ session: BridgeSession; done: () => void }> {
  const { auth, services } = exchange;
  const known = exchange.upstreamSessionId;
  if (known !== undefined) {
    const session = services.bridges.get(known);
    if (session === undefined) {
      throw new GatewayError("unknown_session", "Session not found: start a new session with initialize.");
    }
    return { session, done: () => {} };
  }
  if (exchange.req.method !== "POST" || exchange.draft.method !== "initialize") {
    throw new GatewayError("bad_request", "Start a session with initialize first.");
  }
  const target = auth.server.upstream;
  const { id, session } = await services.bridges.open(target, (upstreamId) =>
    services.binding.bind(upstreamId, auth.grant.id, auth.server.id),
  );
  // Tracked like any upstream session, so an abandoned one (and its process) is ended when idle.
  const done = services.reaper.begin(target, id);
  exchange.draft.sessionId = id;
  return { session, done };
}
