import type { RequestId } from "../jsonrpc/parse-message";
import type { ProtocolRevision } from "../protocol/protocol-revision";
import { privateListResult } from "../protocol/result-shape";

export type ToolFilter = (tools: { name: string }[]) => { name: string }[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The JSON-RPC message in `data` if it is the response to request `id`; undefined otherwise. */
export function responseTo(data: string, id: RequestId): Record<string, unknown> | undefined {
  // Cheap pre-check: most events of a call stream are notifications, which need no parse.
  if (!data.includes('"id"')) return undefined;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return undefined;
  }
  return isRecord(message) && message.id === id && !("method" in message) ? message : undefined;
}

/** The error message of a JSON-RPC error response, or null when the response is a result. */
export function errorMessageOf(response: Record<string, unknown>): string | null {
  const error = response.error;
  if (error === undefined) return null;
  return isRecord(error) && typeof error.message === "string"
    ? error.message
    : "Upstream returned a JSON-RPC error.";
}

/** A tools/list response with only the tools the policy shows (that grant's view); other responses unchanged. */
export function filterToolsResponse(
  response: Record<string, unknown>,
  filter: ToolFilter,
  revision: ProtocolRevision,
): Record<string, unknown> {
  const result = response.result;
  if (!isRecord(result) || !Array.isArray(result.tools)) return response;
  const named = result.tools.filter(
    (tool): tool is { name: string } => isRecord(tool) && typeof tool.name === "string",
  );
  return { ...response, result: privateListResult(revision, { ...result, tools: filter(named) }) };
}
