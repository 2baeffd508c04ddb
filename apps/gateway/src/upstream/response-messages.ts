export type ToolFilter = (tools: { name: string }[]) => { name: string }[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How the upstream said a call failed: a JSON-RPC error, or a tool result flagged `isError`. */
export type CallFailure = { kind: "protocol" | "tool"; message: string };

/** The failure a response to a call reports, or null when the call succeeded. */
export function callFailureOf(response: Record<string, unknown>): CallFailure | null {
  const error = response.error;
  if (error !== undefined) {
    const message =
      isRecord(error) && typeof error.message === "string"
        ? error.message
        : "Upstream returned a JSON-RPC error.";
    return { kind: "protocol", message };
  }
  const result = response.result;
  if (!isRecord(result) || result.isError !== true) return null;
  return { kind: "tool", message: toolErrorText(result.content) };
}

const MAX_TOOL_ERROR_CHARS = 500;

// The text the tool gave for its failure, cut to a size fit for a log line.
function toolErrorText(content: unknown): string {
  const texts = Array.isArray(content)
    ? content.flatMap((item) => (isRecord(item) && typeof item.text === "string" ? [item.text] : []))
    : [];
  const text = texts.join(" ").trim();
  if (text === "") return "The tool reported an error.";
  return text.length > MAX_TOOL_ERROR_CHARS ? `${text.slice(0, MAX_TOOL_ERROR_CHARS)}…` : text;
}
