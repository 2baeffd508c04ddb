import { errorCodes, type GatewayErrorCode } from "./error-codes";

/** A failure the gateway reports to the client; `message` is safe to show, the cause goes to logs. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  /** Seconds a client should wait before retrying, sent as `Retry-After`. */
  readonly retryAfterS: number | undefined;

  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown; retryAfterS?: number }) {
    super(message, options);
    this.name = "GatewayError";
    this.code = code;
    this.retryAfterS = options?.retryAfterS;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}
