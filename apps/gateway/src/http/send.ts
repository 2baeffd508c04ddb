import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { GatewayError } from "../errors/gateway-error";
import { toErrorResponse } from "../errors/to-error-response";
import type { RequestId } from "../jsonrpc/parse-message";

/** Sends a complete JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: OutgoingHttpHeaders,
): void {
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
  if (!res.headersSent) sendJson(res, status, body, retry);
  else res.destroy();
  return error;
}
