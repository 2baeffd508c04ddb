/** Stable reasons an upstream MCP server could not be reached or used. */
export type UpstreamErrorCode =
  | "dns"
  | "refused"
  | "tls"
  | "timeout"
  | "unauthorized"
  | "not_mcp"
  | "blocked_address"
  | "bad_url"
  | "http_error";

/** A failure to reach an upstream, with a message a dashboard user can act on and the cause kept for logs. */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";

  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
    options?: ErrorOptions & { status?: number },
  ) {
    super(message, options);
    this.status = options?.status;
  }

  /** The upstream's HTTP status, when it answered with one. */
  readonly status: number | undefined;
}
