import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";
import { parseStrictJson } from "./strict-json";

export type RequestId = string | number;

const messageSchema = z.looseObject({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  method: z.string().optional(),
  params: z.unknown().optional(),
});

export type JsonRpcMessage = z.infer<typeof messageSchema>;

/**
 * A client POST body, parsed once: one message, or a (legacy) batch. `forwardBody` is the parsed value
 * serialised again: the upstream gets exactly the message the gateway evaluated, never the client's bytes.
 */
export type ParsedBody =
  | { kind: "single"; message: JsonRpcMessage; forwardBody: Buffer }
  | { kind: "batch"; messages: JsonRpcMessage[]; forwardBody: Buffer };

/** Parses a client's JSON-RPC body; bad or ambiguous JSON or a non-JSON-RPC shape is a JSON-RPC error. */
export function parseMessage(body: Buffer): ParsedBody {
  const json = parseStrictJson(body);
  const forwardBody = Buffer.from(JSON.stringify(json), "utf8");
  if (Array.isArray(json)) {
    return { kind: "batch", messages: json.map(toMessage), forwardBody };
  }
  return { kind: "single", message: toMessage(json), forwardBody };
}

function toMessage(value: unknown): JsonRpcMessage {
  if (isMessage(value)) return value;
  // Not a message: zod says what is wrong (the error's cause).
  const result = messageSchema.safeParse(value);
  if (!result.success) {
    throw new GatewayError("bad_request", "Invalid request: the body is not a JSON-RPC 2.0 message.", {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * The check messageSchema makes, by hand: it runs on every request, and zod's parse (which also copies
 * the object) cost more CPU than the rest of the parse. The schema stays the definition and the error.
 */
function isMessage(value: unknown): value is JsonRpcMessage {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { jsonrpc, id, method } = value as Record<string, unknown>;
  if (jsonrpc !== "2.0") return false;
  if (id !== undefined && id !== null && typeof id !== "string" && typeof id !== "number") return false;
  return method === undefined || typeof method === "string";
}

/** The id of a request (a message with a method and an id); undefined for notifications and responses. */
export function requestIdOf(message: JsonRpcMessage): RequestId | undefined {
  return message.method !== undefined && message.id !== undefined && message.id !== null
    ? message.id
    : undefined;
}
