/** The limit store cannot be reached, so a limited call cannot be counted and is refused (fail closed). */
export class LimitsUnavailableError extends Error {
  readonly code = "limits_unavailable";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LimitsUnavailableError";
  }
}
