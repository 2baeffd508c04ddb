import type { ServerResponse } from "node:http";
import { ApprovalQuestions } from "../approvals/approval-question";
import { decideCall } from "../enforcement/decide-call";
import { denialBody } from "../enforcement/denial-body";
import { toolFilter } from "../enforcement/tool-filter";
import { GatewayError } from "../errors/gateway-error";
import { type JsonRpcMessage, parseMessage, type RequestId, requestIdOf } from "../jsonrpc/parse-message";
import { toolCallParams } from "../jsonrpc/tool-call-params";
import { protocolRevision } from "../protocol/protocol-revision";
import { checkRoutingHeaders } from "../protocol/routing-headers";
import type { Reservation } from "../rate-limit/rate-limiter";
import { answerApprovalQuestion } from "./answer-approval-question";
import type { Exchange } from "./exchange";
import { forward } from "./forward";
import { holdChannelFor } from "./hold-channel-for";
import { readBody } from "./read-body";
import { sendJson } from "./send";
import { askInline, canAskInline, takeStatelessAnswer } from "./stateless-approval";

const GUARDED_METHODS = new Set(["tools/call", "tools/list"]);

/** A client POST: tools/call is enforced, tools/list filtered, everything else relayed unchanged. */
export async function handlePost(exchange: Exchange): Promise<void> {
  const body = await readBody(exchange.req, exchange.services.maxBodyBytes);
  const parsed = parseMessage(body);
  if (parsed.kind === "batch") {
    exchange.draft.method = "(batch)";
    // A batch would let a call or a listing slip past the per-message checks; MCP clients no longer send them.
    if (parsed.messages.some((message) => GUARDED_METHODS.has(message.method ?? ""))) {
      throw new GatewayError(
        "unsupported_batch",
        "tools/call and tools/list cannot be sent in a JSON-RPC batch.",
      );
    }
    await forward(exchange, "POST", body, { kind: "none" });
    return;
  }
  const { message } = parsed;
  const id = requestIdOf(message);
  exchange.requestId = id ?? null;
  exchange.draft.method = message.method ?? "(response)";
  exchange.revision = protocolRevision(exchange.req.headers, message);
  // Before anything else looks at the body: the headers a router acted on must name the same request.
  checkRoutingHeaders(exchange.req.headers, message, exchange.revision);
  if (message.method !== undefined && GUARDED_METHODS.has(message.method) && id === undefined) {
    // Sent as a notification it would get no policy answer, yet some servers might still act on it.
    throw new GatewayError("bad_request", `${message.method} must be a request with an id.`);
  }
  // The client's answer to the gateway's own in-band approval question: it never reaches the upstream.
  if (message.method === undefined && ApprovalQuestions.isQuestionId(message.id)) {
    return answerApprovalQuestion(exchange, message);
  }
  if (id !== undefined && message.method === "initialize") return initialize(exchange, message, body);
  if (id !== undefined && message.method === "tools/call") return callTool(exchange, message, id, body);
  if (id !== undefined && message.method === "tools/list") return listTools(exchange, id, body);
  await forward(exchange, "POST", body, { kind: "none" });
}

/** Relays initialize, remembering what the new session's client declared (can it be asked in-band?). */
async function initialize(exchange: Exchange, message: JsonRpcMessage, body: Buffer): Promise<void> {
  await forward(exchange, "POST", body, { kind: "none" });
  const sessionId = exchange.draft.sessionId;
  const params = message.params;
  if (sessionId === null || typeof params !== "object" || params === null) return;
  const capabilities = (params as Record<string, unknown>).capabilities;
  exchange.services.sessionClients.remember(exchange.auth.grant.id, sessionId, capabilities);
}

async function listTools(exchange: Exchange, id: RequestId, body: Buffer): Promise<void> {
  const { auth, services, draft } = exchange;
  const [policy, pinning] = await Promise.all([
    services.cache.policy(auth.server.tenantId, auth.server.id),
    services.pins.listFilter(auth.server.tenantId, auth.server.id, auth.server.slug),
  ]);
  draft.policyVersion = policy?.version ?? null;
  await forward(exchange, "POST", body, {
    kind: "tools_list",
    id,
    filter: toolFilter(policy, pinning),
    revision: exchange.revision,
  });
}

async function callTool(
  exchange: Exchange,
  message: JsonRpcMessage,
  id: RequestId,
  received: Buffer,
): Promise<void> {
  const { auth, services, draft, res } = exchange;
  const params = toolCallParams(message.params);
  // The gateway's own approval round (stateless wire) is answered here and never reaches the upstream.
  const { body, answeredApprovalId } = await takeStatelessAnswer(exchange, message, received);
  draft.tool = params.name;
  draft.argumentKeys = Object.keys(params.arguments);
  draft.arguments = params.arguments;
  const policy = await services.cache.policy(auth.server.tenantId, auth.server.id);
  draft.policyVersion = policy?.version ?? null;
  const hold = holdChannelFor(exchange, message);
  const verdict = await decideCall(
    policy,
    {
      tool: params.name,
      args: params.arguments,
      tenantId: auth.server.tenantId,
      serverId: auth.server.id,
      grantId: auth.grant.id,
      sessionId: exchange.upstreamSessionId,
      labels: { serverName: auth.server.slug, grantLabel: auth.grant.label },
    },
    services,
    exchange.nowMs,
    clientGone(res),
    {
      onHold: (held, call) => hold.held(held, call),
      askInline: canAskInline(exchange, message),
      answeredApprovalId,
    },
  ).finally(() => hold.stop());
  draft.rule = verdict.rule;
  draft.decision = verdict.decision;
  draft.held = verdict.kind === "ask" ? true : (verdict.held ?? false);
  if (verdict.kind === "ask") return askInline(exchange, id, verdict);
  if (verdict.kind === "deny") {
    draft.message = verdict.text;
    const session = exchange.req.headers["mcp-session-id"];
    sendJson(
      res,
      200,
      denialBody(id, verdict.text, exchange.revision),
      typeof session === "string" ? { "mcp-session-id": session } : {},
    );
    return;
  }
  if (verdict.note !== undefined) draft.message = verdict.note;
  let failed = true;
  try {
    failed = await forward(exchange, "POST", body, { kind: "tools_call", id });
  } finally {
    if (failed && verdict.reservation !== null) refund(exchange, verdict.reservation);
  }
}

// Aborts when the client disconnects before its answer was sent (e.g. while the call awaits approval).
function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

// The quota of a call the upstream failed is given back, off the response path.
function refund(exchange: Exchange, reservation: Reservation): void {
  exchange.services.limiter.refund(reservation).catch((error: unknown) => {
    exchange.services.logger.warn({ err: error }, "could not refund a rate-limit reservation");
  });
}
