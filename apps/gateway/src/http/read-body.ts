import type { IncomingMessage } from "node:http";
import { GatewayError } from "../errors/gateway-error";

/** Reads a request body, refusing (413) anything over `maxBytes` without buffering it. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new GatewayError(
      "payload_too_large",
      `Request body is larger than the gateway's limit of ${maxBytes} bytes.`,
    );
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
}
