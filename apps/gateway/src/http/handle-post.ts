import type { ServerResponse } from "node:http";
import { decideCall } from "../enforcement/decide-call";
import { denialBody } from "../enforcement/denial-body";
import { toolFilter } from "../enforcement/tool-filter";
import { GatewayError } from "../errors/gateway-error";
import { type JsonRpcMessage, parseMessage, type RequestId, requestIdOf } from "../jsonrpc/parse-message";
import { toolCallParams } from "../jsonrpc/tool-call-params";
import type { Reservation } from "../rate-limit/rate-limiter";
import type { Exchange } from "./exchange";
import { forward } from "./forward";
import { readBody } from "./read-body";
import { sendJson } from "./send";

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
  if (message.method !== undefined && GUARDED_METHODS.has(message.method) && id === undefined) {
    // Sent as a notification it would get no policy answer, yet some servers might still act on it.
    throw new GatewayError("bad_request", `${message.method} must be a request with an id.`);
  }
  if (id !== undefined && message.method === "tools/call") return callTool(exchange, message, id, body);
  if (id !== undefined && message.method === "tools/list") return listTools(exchange, id, body);
  await forward(exchange, "POST", body, { kind: "none" });
}

async function listTools(exchange: Exchange, id: RequestId, body: Buffer): Promise<void> {
  const { auth, services, draft } = exchange;
  const [policy, pinning] = await Promise.all([
    services.cache.policy(auth.server.tenantId, auth.server.id),
    services.pins.listFilter(auth.server.tenantId, auth.server.id, auth.server.slug),
  ]);
  draft.policyVersion = policy?.version ?? null;
  await forward(exchange, "POST", body, { kind: "tools_list", id, filter: toolFilter(policy, pinning) });
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
  );
  draft.rule = verdict.rule;
  draft.decision = verdict.decision;
  if (verdict.kind === "deny") {
    draft.message = verdict.text;
    const session = exchange.req.headers["mcp-session-id"];
    sendJson(
      res,
      200,
      denialBody(id, verdict.text),
      typeof session === "string" ? { "mcp-session-id": session } : {},
    );
    return;
  }
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
