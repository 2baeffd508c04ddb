import { errorCodes } from "./error-codes";
import { GatewayError } from "./gateway-error";

export type ErrorResponse = { status: number; body: string; error: GatewayError };

/** The one mapper from any thrown value to an HTTP status and a JSON-RPC error body. */
export function toErrorResponse(thrown: unknown, requestId: string | number | null = null): ErrorResponse {
  const error =
    thrown instanceof GatewayError
      ? thrown
      : new GatewayError("internal", "The gateway failed to handle this request.", { cause: thrown });
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: requestId,
    error: { code: errorCodes[error.code].rpc, message: error.message, data: { code: error.code } },
  });
  return { status: error.status, body, error };
}
