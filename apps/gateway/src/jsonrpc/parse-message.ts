import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";

export type RequestId = string | number;

const messageSchema = z.looseObject({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  method: z.string().optional(),
  params: z.unknown().optional(),
});

export type JsonRpcMessage = z.infer<typeof messageSchema>;

/** A client POST body, parsed once: one message, or a (legacy) batch. */
export type ParsedBody =
  | { kind: "single"; message: JsonRpcMessage }
  | { kind: "batch"; messages: JsonRpcMessage[] };

/** Parses a client's JSON-RPC body; bad JSON or a non-JSON-RPC shape is a parse / invalid-request error. */
export function parseMessage(body: Buffer): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new GatewayError("parse_error", "Parse error: the request body is not valid JSON.", {
      cause: error,
    });
  }
  if (Array.isArray(json)) {
    return { kind: "batch", messages: json.map(toMessage) };
  }
  return { kind: "single", message: toMessage(json) };
}

function toMessage(value: unknown): JsonRpcMessage {
  const result = messageSchema.safeParse(value);
  if (!result.success) {
    throw new GatewayError("bad_request", "Invalid request: the body is not a JSON-RPC 2.0 message.", {
      cause: result.error,
    });
  }
  return result.data;
}

/** The id of a request (a message with a method and an id); undefined for notifications and responses. */
export function requestIdOf(message: JsonRpcMessage): RequestId | undefined {
  return message.method !== undefined && message.id !== undefined && message.id !== null
    ? message.id
    : undefined;
}
