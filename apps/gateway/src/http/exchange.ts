import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthContext } from "../auth/authenticate";
import type { CallLogDraft } from "../call-log/call-log-draft";
import type { RequestId } from "../jsonrpc/parse-message";
import type { ProtocolRevision } from "../protocol/protocol-revision";
import type { RequestTrace } from "../tracing/tracing";
import type { GatewayServices } from "./gateway-services";

/** One authenticated MCP request as it moves through the gateway. */
export type Exchange = {
  req: IncomingMessage;
  res: ServerResponse;
  auth: AuthContext;
  services: GatewayServices;
  nowMs: number;
  draft: CallLogDraft;
  /** The upstream session id inside the client's Mcp-Session-Id, verified to belong to this grant. */
  upstreamSessionId: string | undefined;
  requestId: RequestId | null;
  /** Time the upstream took (request sent → response relayed), null if nothing was forwarded. */
  upstreamMs: number | null;
  /** The request's span when tracing is on (OTLP endpoint configured), else null. */
  trace: RequestTrace | null;
  /** The wire the client's request is on; answers the gateway makes itself take its shape. */
  revision: ProtocolRevision;
};
