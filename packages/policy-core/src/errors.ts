export type PolicyErrorCode = "invalid_policy";

/** A policy-core failure with a stable `code`; the underlying error is kept as `cause`. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";

  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
