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
  // Events, not `for await`: the async iterator costs promises and allocations per request.
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        // As before: stop reading a body past the limit at once (it may go on for gigabytes).
        detach();
        req.destroy();
        reject(tooLarge());
      }
    };
    const onEnd = () => {
      detach();
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      detach();
      reject(error);
    };
    const onClose = () => {
      detach();
      reject(
        new GatewayError("bad_request", "The client closed the connection before sending its whole request."),
      );
    };
    const detach = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}
