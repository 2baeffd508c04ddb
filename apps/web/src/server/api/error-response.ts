import { DbError, PolicyConflictError } from "@toolgate/db";
import { UpstreamError } from "@toolgate/upstream";
import { AppError, type AppErrorCode } from "../app-error";
import { ApiError, type ApiErrorCode, type ApiIssue } from "./api-error";

/** The one error body of the REST API. */
export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string; requestId: string; issues?: ApiIssue[] };
};

const appErrors: Record<AppErrorCode, { code: ApiErrorCode; status: number }> = {
  unauthenticated: { code: "unauthenticated", status: 401 },
  invalid_credentials: { code: "unauthenticated", status: 401 },
  forbidden: { code: "forbidden", status: 403 },
  no_membership: { code: "forbidden", status: 403 },
  not_found: { code: "not_found", status: 404 },
  invalid_input: { code: "invalid_input", status: 400 },
  conflict: { code: "conflict", status: 409 },
  rate_limited: { code: "rate_limited", status: 429 },
  unavailable: { code: "unavailable", status: 503 },
};

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AppError) {
    const mapped = appErrors[error.code];
    return new ApiError(mapped.code, mapped.status, error.message, { cause: error });
  }
  if (error instanceof PolicyConflictError) {
    const current = error.currentVersion ?? "none";
    return new ApiError(
      "policy_conflict",
      409,
      `The policy changed meanwhile: you based this on version ${error.baseVersion ?? "none"}, the current version is ${current}. Pull it, merge, and publish again.`,
      { cause: error },
    );
  }
  if (error instanceof DbError && error.code === "not_found") {
    return new ApiError("not_found", 404, error.message, { cause: error });
  }
  if (error instanceof UpstreamError) {
    return new ApiError("upstream_failed", 422, `Could not use the MCP server: ${error.message}`, {
      cause: error,
    });
  }
  return new ApiError("internal", 500, "Something went wrong on our side. Try again later.", {
    cause: error,
  });
}

/**
 * Turns any failure into the API's JSON error response. Expected failures keep their stable
 * code; anything else is logged with its cause and answered as `internal`.
 */
export function errorResponse(error: unknown, requestId: string): Response {
  const apiError = toApiError(error);
  if (apiError.code === "internal") console.error(`[api] ${requestId} unexpected error`, error);
  const body: ApiErrorBody = {
    error: {
      code: apiError.code,
      message: apiError.message,
      requestId,
      ...(apiError.issues === undefined ? {} : { issues: apiError.issues }),
    },
  };
  return Response.json(body, { status: apiError.status, headers: { "x-request-id": requestId } });
}
