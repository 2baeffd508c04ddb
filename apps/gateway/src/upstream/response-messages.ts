export type ToolFilter = (tools: { name: string }[]) => { name: string }[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error message of a JSON-RPC error response, or null when the response is a result. */
export function errorMessageOf(response: Record<string, unknown>): string | null {
  const error = response.error;
  if (error === undefined) return null;
  return isRecord(error) && typeof error.message === "string"
    ? error.message
    : "Upstream returned a JSON-RPC error.";
}
