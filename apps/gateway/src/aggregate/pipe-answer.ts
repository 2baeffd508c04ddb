import { GatewayError } from "../errors/gateway-error";
import type { RequestId } from "../jsonrpc/parse-message";
import { SseEventSplitter, sseData } from "../upstream/sse-event-splitter";
import type { PipeReply } from "./server-pipe";

/** A JSON-RPC response as a server's pipeline sent it. */
export type RpcAnswer = { result?: Record<string, unknown>; error?: { code: number; message: string } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function answerOf(text: string, id: RequestId): RpcAnswer | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(message) || message.id !== id || message.method !== undefined) return undefined;
  const { result, error } = message;
  if (isRecord(error)) return { error: { code: Number(error.code), message: String(error.message) } };
  return { result: isRecord(result) ? result : {} };
}

/**
 * Reads the answer to request `id` out of a pipeline's reply, JSON or SSE (a held call keeps its
 * stream open with comments until it answers). A reply without one is an `upstream_unavailable`.
 */
export async function readPipeAnswer(reply: PipeReply, id: RequestId): Promise<RpcAnswer> {
  const isSse = reply.contentType.startsWith("text/event-stream");
  const splitter = new SseEventSplitter();
  const chunks: Buffer[] = [];
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    if (!isSse) {
      chunks.push(chunk);
      continue;
    }
    for (const event of splitter.push(chunk)) {
      const data = sseData(event);
      const answer = data === undefined ? undefined : answerOf(data, id);
      if (answer !== undefined) {
        reply.body.destroy();
        return answer;
      }
    }
  }
  const answer = isSse ? undefined : answerOf(Buffer.concat(chunks).toString("utf8"), id);
  if (answer !== undefined) return answer;
  throw new GatewayError(
    "upstream_unavailable",
    `The server answered HTTP ${reply.status} without a JSON-RPC response.`,
  );
}
