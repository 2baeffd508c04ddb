/** One field problem: `path` is a JSON pointer into the request body or policy document ("" for the root). */
export type ApiIssue = { path: string; message: string };

/** Stable codes of the REST API's error responses. */
export type ApiErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "invalid_json"
  | "invalid_policy"
  | "conflict"
  | "policy_conflict"
  | "upstream_failed"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** A failure raised at the API edge (authentication, parsing) with its HTTP status. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues: ApiIssue[] | undefined;

  constructor(
    code: ApiErrorCode,
    status: number,
    message: string,
    options?: { issues?: ApiIssue[]; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.issues = options?.issues;
  }
}
