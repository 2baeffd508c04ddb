import { HoldChannel } from "../approvals/hold-channel";
import type { JsonRpcMessage } from "../jsonrpc/parse-message";
import { CallStream } from "./call-stream";
import type { Exchange } from "./exchange";

function progressTokenOf(message: JsonRpcMessage): string | number | undefined {
  const params = message.params;
  if (typeof params !== "object" || params === null) return undefined;
  const meta = (params as Record<string, unknown>)._meta;
  if (typeof meta !== "object" || meta === null) return undefined;
  const token = (meta as Record<string, unknown>).progressToken;
  return typeof token === "string" || typeof token === "number" ? token : undefined;
}

/**
 * Whether the gateway may talk on the call's stream: the client reads SSE on this request, and the
 * response is the gateway's to write (a bridged legacy-SSE or stdio session writes its own).
 */
function canStream(exchange: Exchange): boolean {
  if (exchange.auth.server.upstream.transport !== "streamable_http") return false;
  return (exchange.req.headers.accept ?? "").includes("text/event-stream");
}

/**
 * How a tools/call reaches out while it is held: keep-alive progress when the client gave a progress
 * token, and the in-band question when the rule says `by: "user"` and the client can be asked
 * (session wire, it declared form elicitation at initialize, and it reads the call's stream).
 */
export function holdChannelFor(exchange: Exchange, message: JsonRpcMessage): HoldChannel {
  const { auth, services, res, req } = exchange;
  const session = req.headers["mcp-session-id"];
  const stream = new CallStream(res, typeof session === "string" ? session : undefined);
  const streams = canStream(exchange);
  const askable =
    streams &&
    exchange.revision === "session" &&
    services.sessionClients.canElicit(auth.grant.id, exchange.upstreamSessionId);
  return new HoldChannel({
    stream,
    grantId: auth.grant.id,
    progressToken: streams ? progressTokenOf(message) : undefined,
    keepAliveMs: services.approvalKeepAliveMs,
    questions: askable ? services.questions : undefined,
    cannotAskReason: "Your client cannot be asked to approve calls (it did not declare form elicitation).",
  });
}
