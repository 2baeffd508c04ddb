import { errorCodes, type GatewayErrorCode } from "./error-codes";

/** A failure the gateway reports to the client; `message` is safe to show, the cause goes to logs. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GatewayError";
    this.code = code;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}
