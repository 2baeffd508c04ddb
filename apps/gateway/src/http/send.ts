import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { GatewayError } from "../errors/gateway-error";
import { toErrorResponse } from "../errors/to-error-response";
import type { RequestId } from "../jsonrpc/parse-message";
import { isCallStream, sseEvent } from "./call-stream";

/** Sends a complete JSON response; on a call stream already open (a held call), the last event of it. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: OutgoingHttpHeaders,
): void {
  if (isCallStream(res)) {
    if (!res.writableEnded) res.end(sseEvent(body));
    return;
  }
  res.writeHead(status, { ...headers, "content-type": "application/json" }).end(body);
}

/** Answers with the mapped error if nothing was sent yet, else cuts the stream; logs the cause. Returns the error. */
export function sendError(
  res: ServerResponse,
  thrown: unknown,
  logger: Logger,
  requestId: RequestId | null = null,
): GatewayError {
  const { status, body, error } = toErrorResponse(thrown, requestId);
  if (status >= 500) logger.warn({ err: error, cause: error.cause, code: error.code }, error.message);
  else logger.debug({ code: error.code }, error.message);
  const retry = error.retryAfterS === undefined ? undefined : { "retry-after": String(error.retryAfterS) };
  // A call stream the gateway opened itself still owes the request its answer: the error, as an event.
  if (!res.headersSent || (isCallStream(res) && !res.writableEnded && requestId !== null)) {
    sendJson(res, status, body, retry);
  } else res.destroy();
  return error;
}
