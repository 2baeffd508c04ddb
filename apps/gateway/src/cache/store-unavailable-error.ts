import { GatewayError } from "../errors/gateway-error";

/** A lookup the database could not answer and nothing cached could: 503 with Retry-After. */
export function storeUnavailableError(cause: unknown): GatewayError {
  return new GatewayError(
    "store_unavailable",
    "The gateway cannot reach its database right now and has nothing cached for this request; retry shortly.",
    { cause, retryAfterS: 5 },
  );
}
