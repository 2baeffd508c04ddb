import type { ServerResponse } from "node:http";
import { ApprovalQuestions } from "../approvals/approval-question";
import { accessLabel, decideAccess, decideCompletion } from "../enforcement/decide-access";
import { type CallVerdict, decideCall } from "../enforcement/decide-call";
import { accessDenialBody, denialBody } from "../enforcement/denial-body";
import { GatewayError } from "../errors/gateway-error";
import { type AccessTarget, completionTarget, promptParams, resourceParams } from "../jsonrpc/access-params";
import { checkContentType } from "../jsonrpc/content-type";
import { type JsonRpcMessage, parseMessage, type RequestId, requestIdOf } from "../jsonrpc/parse-message";
import { toolCallParams } from "../jsonrpc/tool-call-params";
import { protocolRevision } from "../protocol/protocol-revision";
import { checkRoutingHeaders } from "../protocol/routing-headers";
import type { Reservation } from "../rate-limit/rate-limiter";
import type { Inspection } from "../upstream/relay-response";
import { answerApprovalQuestion } from "./answer-approval-question";
import type { Exchange } from "./exchange";
import { forward } from "./forward";
import { holdChannelFor } from "./hold-channel-for";
import { inspectionFor } from "./inspection-for";
import { readBody } from "./read-body";
import { sendJson } from "./send";
import { askInline, canAskInline, takeStatelessAnswer } from "./stateless-approval";

// Every method that reads or changes upstream data, or lists what can be: decided or filtered by the policy.
const GOVERNED_METHODS = new Set([
  "tools/call",
  "tools/list",
  "resources/read",
  "resources/subscribe",
  "resources/list",
  "resources/templates/list",
  "prompts/get",
  "prompts/list",
  "completion/complete",
]);

/**
 * A client POST: tools/call, resources/read|subscribe, prompts/get and completion/complete are decided
 * by the policy; everything the upstream answers is inspected (listings filtered). The upstream gets the
 * message as the gateway parsed and serialised it.
 */
export async function handlePost(exchange: Exchange): Promise<void> {
  checkContentType(exchange.req.headers["content-type"]);
  const parsed = parseMessage(await readBody(exchange.req, exchange.services.maxBodyBytes));
  const body = parsed.forwardBody;
  if (parsed.kind === "batch") {
    exchange.draft.method = "(batch)";
    // A batch would let a call or a listing slip past the per-message checks; MCP clients no longer send them.
    if (parsed.messages.some((message) => GOVERNED_METHODS.has(message.method ?? ""))) {
      throw new GatewayError(
        "unsupported_batch",
        "Requests for tools, resources, prompts or completions cannot be sent in a JSON-RPC batch.",
      );
    }
    await forward(exchange, "POST", body, await inspectionFor(exchange, undefined, false));
    return;
  }
  const { message } = parsed;
  const id = requestIdOf(message);
  exchange.requestId = id ?? null;
  exchange.draft.method = message.method ?? "(response)";
  exchange.revision = protocolRevision(exchange.req.headers, message);
  // Before anything else looks at the body: the headers a router acted on must name the same request.
  checkRoutingHeaders(exchange.req.headers, message, exchange.revision);
  if (message.method !== undefined && GOVERNED_METHODS.has(message.method) && id === undefined) {
    // Sent as a notification it would get no policy answer, yet some servers might still act on it.
    throw new GatewayError("bad_request", `${message.method} must be a request with an id.`);
  }
  // The client's answer to the gateway's own in-band approval question: it never reaches the upstream.
  if (message.method === undefined && ApprovalQuestions.isQuestionId(message.id)) {
    return answerApprovalQuestion(exchange, message);
  }
  if (id !== undefined) {
    switch (message.method) {
      case "initialize":
        return initialize(exchange, message, id, body);
      case "tools/call":
        return callTool(exchange, message, id, body);
      case "resources/read":
      case "resources/subscribe":
        return access(exchange, message, id, body, resourceParams(message.method, message.params));
      case "prompts/get":
        return access(exchange, message, id, body, promptParams(message.params));
      case "completion/complete":
        return complete(exchange, id, body, completionTarget(message.params));
    }
  }
  await forward(exchange, "POST", body, await inspectionFor(exchange, id, false));
}

/** Relays initialize, remembering what the new session's client declared (can it be asked in-band?). */
async function initialize(
  exchange: Exchange,
  message: JsonRpcMessage,
  id: RequestId,
  body: Buffer,
): Promise<void> {
  await forward(exchange, "POST", body, await inspectionFor(exchange, id, false));
  const sessionId = exchange.draft.sessionId;
  const params = message.params;
  if (sessionId === null || typeof params !== "object" || params === null) return;
  const capabilities = (params as Record<string, unknown>).capabilities;
  exchange.services.sessionClients.remember(exchange.auth.grant.id, sessionId, capabilities);
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
  // Prepared before any quota is reserved: nothing may fail between a reservation and the forward.
  const watched = await inspectionFor(exchange, id, true, policy);
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
  if (!settled(exchange, id, verdict, (text) => denialBody(id, text, exchange.revision))) return;
  await forwardHolding(exchange, body, verdict, watched);
}

async function access(
  exchange: Exchange,
  message: JsonRpcMessage,
  id: RequestId,
  body: Buffer,
  target: AccessTarget,
): Promise<void> {
  const { auth, services, draft, res } = exchange;
  draft.tool = accessLabel(target);
  draft.argumentKeys = Object.keys(target.args);
  draft.arguments = target.args;
  const policy = await services.cache.policy(auth.server.tenantId, auth.server.id);
  draft.policyVersion = policy?.version ?? null;
  const caller = {
    tenantId: auth.server.tenantId,
    serverId: auth.server.id,
    grantId: auth.grant.id,
    sessionId: exchange.upstreamSessionId,
    labels: { serverName: auth.server.slug, grantLabel: auth.grant.label },
  };
  // Prepared before any quota is reserved: nothing may fail between a reservation and the forward.
  const watched = await inspectionFor(exchange, id, true, policy);
  // A held read keeps the client informed like a held call (keep-alive, the session wire's in-band question).
  const hold = holdChannelFor(exchange, message);
  const verdict = await decideAccess(policy, target, caller, services, exchange.nowMs, clientGone(res), {
    onHold: (held, call) => hold.held(held, call),
  }).finally(() => hold.stop());
  if (!settled(exchange, id, verdict, (text, rule) => accessDenialBody(id, text, rule))) return;
  await forwardHolding(exchange, body, verdict, watched);
}

async function complete(
  exchange: Exchange,
  id: RequestId,
  body: Buffer,
  target: AccessTarget,
): Promise<void> {
  const { auth, services, draft } = exchange;
  draft.tool = accessLabel(target);
  const policy = await services.cache.policy(auth.server.tenantId, auth.server.id);
  draft.policyVersion = policy?.version ?? null;
  const verdict = decideCompletion(policy, target);
  if (!settled(exchange, id, verdict, (text, rule) => accessDenialBody(id, text, rule))) return;
  await forward(exchange, "POST", body, await inspectionFor(exchange, id, false, policy));
}

/**
 * Records the verdict; a denial (or, on the stateless wire, the user's approval question) is answered
 * here, without contacting the upstream. True to go on.
 */
function settled(
  exchange: Exchange,
  id: RequestId,
  verdict: CallVerdict,
  denial: (text: string, rule: string) => string,
): verdict is Extract<CallVerdict, { kind: "forward" }> {
  const { draft, res } = exchange;
  draft.rule = verdict.rule;
  draft.decision = verdict.decision;
  draft.held = verdict.kind === "ask" ? true : (verdict.held ?? false);
  if (verdict.kind === "forward") {
    if (verdict.note !== undefined) draft.message = verdict.note;
    return true;
  }
  if (verdict.kind === "ask") {
    askInline(exchange, id, verdict);
    return false;
  }
  draft.message = verdict.text;
  const session = exchange.req.headers["mcp-session-id"];
  sendJson(
    res,
    200,
    denial(verdict.text, verdict.rule),
    typeof session === "string" ? { "mcp-session-id": session } : {},
  );
  return false;
}

// Forwards an allowed request; a limit reservation is given back if the upstream fails it.
async function forwardHolding(
  exchange: Exchange,
  body: Buffer,
  verdict: Extract<CallVerdict, { kind: "forward" }>,
  watched: Inspection,
): Promise<void> {
  let failed = true;
  try {
    failed = await forward(exchange, "POST", body, watched);
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
