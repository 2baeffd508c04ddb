/** The bounded set of method labels metrics use; client-chosen method names never become label values. */
export type MethodClass =
  | "tools/call"
  | "tools/list"
  | "initialize"
  | "resources"
  | "prompts"
  | "completion"
  | "notification"
  | "response"
  | "batch"
  | "ping"
  | "stream"
  | "delete"
  | "other";

const EXACT: Record<string, MethodClass> = {
  "tools/call": "tools/call",
  "tools/list": "tools/list",
  initialize: "initialize",
  "completion/complete": "completion",
  ping: "ping",
  "(response)": "response",
  "(batch)": "batch",
  GET: "stream",
  DELETE: "delete",
};

/** Maps a call-log method (JSON-RPC method, or the HTTP method for GET/DELETE) to its metric label. */
export function methodClass(method: string): MethodClass {
  const exact = EXACT[method];
  if (exact !== undefined) return exact;
  if (method.startsWith("resources/")) return "resources";
  if (method.startsWith("prompts/")) return "prompts";
  if (method.startsWith("notifications/")) return "notification";
  return "other";
}
