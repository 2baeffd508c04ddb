import type { ServerResponse } from "node:http";
import { accessLabel, decideAccess, decideCompletion } from "../enforcement/decide-access";
import { type CallVerdict, decideCall } from "../enforcement/decide-call";
import { accessDenialBody, denialBody } from "../enforcement/denial-body";
import { GatewayError } from "../errors/gateway-error";
import { type AccessTarget, completionTarget, promptParams, resourceParams } from "../jsonrpc/access-params";
import { checkContentType } from "../jsonrpc/content-type";
import { type JsonRpcMessage, parseMessage, type RequestId, requestIdOf } from "../jsonrpc/parse-message";
import { toolCallParams } from "../jsonrpc/tool-call-params";
import type { Reservation } from "../rate-limit/rate-limiter";
import type { Inspection } from "../upstream/relay-response";
import type { Exchange } from "./exchange";
import { forward } from "./forward";
import { inspectionFor } from "./inspection-for";
import { readBody } from "./read-body";
import { sendJson } from "./send";

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
  if (message.method !== undefined && GOVERNED_METHODS.has(message.method) && id === undefined) {
    // Sent as a notification it would get no policy answer, yet some servers might still act on it.
    throw new GatewayError("bad_request", `${message.method} must be a request with an id.`);
  }
  if (id !== undefined) {
    switch (message.method) {
      case "tools/call":
        return callTool(exchange, message, id, body);
      case "resources/read":
      case "resources/subscribe":
        return access(exchange, id, body, resourceParams(message.method, message.params));
      case "prompts/get":
        return access(exchange, id, body, promptParams(message.params));
      case "completion/complete":
        return complete(exchange, id, body, completionTarget(message.params));
    }
  }
  await forward(exchange, "POST", body, await inspectionFor(exchange, id, false));
}

async function callTool(
  exchange: Exchange,
  message: JsonRpcMessage,
  id: RequestId,
  body: Buffer,
): Promise<void> {
  const { auth, services, draft, res } = exchange;
  const params = toolCallParams(message.params);
  draft.tool = params.name;
  draft.argumentKeys = Object.keys(params.arguments);
  draft.arguments = params.arguments;
  const policy = await services.cache.policy(auth.server.tenantId, auth.server.id);
  draft.policyVersion = policy?.version ?? null;
  // Prepared before any quota is reserved: nothing may fail between a reservation and the forward.
  const watched = await inspectionFor(exchange, id, true, policy);
  const verdict = await decideCall(
    policy,
    {
      tool: params.name,
      args: params.arguments,
      tenantId: auth.server.tenantId,
      serverId: auth.server.id,
      grantId: auth.grant.id,
      sessionId: exchange.upstreamSessionId,
    },
    services,
    exchange.nowMs,
    clientGone(res),
  );
  if (!settled(exchange, verdict, (text) => denialBody(id, text))) return;
  await forwardHolding(exchange, body, verdict, watched);
}

async function access(exchange: Exchange, id: RequestId, body: Buffer, target: AccessTarget): Promise<void> {
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
  };
  const watched = await inspectionFor(exchange, id, true, policy);
  const verdict = await decideAccess(policy, target, caller, services, exchange.nowMs, clientGone(res));
  if (!settled(exchange, verdict, (text, rule) => accessDenialBody(id, text, rule))) return;
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
  if (!settled(exchange, verdict, (text, rule) => accessDenialBody(id, text, rule))) return;
  await forward(exchange, "POST", body, await inspectionFor(exchange, id, false, policy));
}

/** Records the verdict; a denial is answered here, without contacting the upstream. True to go on. */
function settled(
  exchange: Exchange,
  verdict: CallVerdict,
  denial: (text: string, rule: string) => string,
): verdict is Extract<CallVerdict, { kind: "forward" }> {
  const { draft, res } = exchange;
  draft.rule = verdict.rule;
  draft.decision = verdict.decision;
  if (verdict.kind === "forward") return true;
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
