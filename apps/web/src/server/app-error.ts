/** Stable codes for failures the dashboard explains to its users. */
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "invalid_credentials"
  | "no_membership"
  | "conflict"
  | "rate_limited"
  | "unavailable";

/** An expected failure of a service, with a stable code; the cause is kept for the logs. */
export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}
