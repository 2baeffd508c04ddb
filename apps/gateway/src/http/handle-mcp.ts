import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthContext } from "../auth/authenticate";
import { newCallLogDraft, toCallLogRecord } from "../call-log/call-log-draft";
import { PASS_THROUGH } from "../enforcement/server-message-filter";
import { GatewayError } from "../errors/gateway-error";
import type { Inspection } from "../upstream/relay-response";
import { callEvent } from "../webhooks/gateway-events";
import type { Exchange } from "./exchange";
import { forward } from "./forward";
import type { GatewayServices } from "./gateway-services";
import { handlePost } from "./handle-post";
import { inspectionFor } from "./inspection-for";
import { sendError } from "./send";
import { tenantBusy } from "./tenant-busy";

/** Handles POST, GET and DELETE on a gateway MCP URL, and logs the request whatever happens. */
export async function handleMcp(
  services: GatewayServices,
  req: IncomingMessage,
  res: ServerResponse,
  auth: AuthContext,
  startedAt: number,
  nowMs: number,
): Promise<void> {
  const exchange: Exchange = {
    req,
    res,
    auth,
    services,
    nowMs,
    draft: newCallLogDraft(req.method ?? "?"),
    upstreamSessionId: undefined,
    requestId: null,
    upstreamMs: null,
    trace: services.tracing.startRequest(req.headers),
    revision: "session",
  };
  try {
    exchange.upstreamSessionId = verifiedSession(exchange);
    exchange.draft.sessionId = exchange.upstreamSessionId ?? null;
    if (req.method === "POST") {
      admit(exchange);
      await handlePost(exchange);
    }
    // A GET stream (and a replay of one with Last-Event-ID) carries server messages like any response.
    else if (req.method === "GET")
      await forward(exchange, "GET", undefined, await streamInspection(exchange));
    else if (req.method === "DELETE") await forward(exchange, "DELETE", undefined, NO_INSPECTION);
    else throw new GatewayError("method_not_allowed", "Use POST, GET or DELETE on an MCP URL.");
  } catch (thrown) {
    const error = sendError(res, thrown, services.logger, exchange.requestId);
    exchange.draft.decision = "error";
    exchange.draft.message = error.message;
  } finally {
    const latencyMs = performance.now() - startedAt;
    const record = toCallLogRecord(auth, exchange.draft, nowMs, latencyMs);
    services.sink.write(record);
    const event = callEvent(record, auth.server.slug);
    if (event !== null) services.events.publish(auth.server.tenantId, event);
    services.metrics.recordRequest(
      exchange.draft.method,
      exchange.draft.decision,
      latencyMs,
      exchange.upstreamMs,
    );
    exchange.trace?.end({ ...record, tenantId: auth.server.tenantId });
  }
}

// A GET stream lives long: the policy in force is fetched again before each listing it carries.
async function streamInspection(exchange: Exchange): Promise<Inspection> {
  const inspection = await inspectionFor(exchange, undefined, false);
  inspection.refresh = async () => (await inspectionFor(exchange, undefined, false)).filter;
  return inspection;
}

/**
 * Admission before any work on the body: while a tenant has all its request slots in flight, its next
 * POST is refused at once (429) instead of being read, parsed, decided and counted against its limits
 * only to be refused at the forward. Cheap refusals keep a flooding tenant from slowing the others.
 */
function admit({ auth, services }: Exchange): void {
  const { concurrency } = services;
  if (concurrency.count(auth.server.tenantId) < concurrency.max) return;
  throw tenantBusy(concurrency.max);
}

const NO_INSPECTION: Inspection = { id: undefined, watchCall: false, filter: PASS_THROUGH };

function verifiedSession({ req, auth, services }: Exchange): string | undefined {
  const clientId = req.headers["mcp-session-id"];
  if (typeof clientId !== "string") return undefined;
  const upstreamId = services.binding.unbind(clientId, auth.grant.id, auth.server.id);
  if (upstreamId === null) {
    throw new GatewayError("unknown_session", "Session not found: start a new session with initialize.");
  }
  return upstreamId;
}
