import type { Dispatcher } from "undici";
import { request } from "undici";

/** A minimal MCP client over raw JSON-RPC POSTs, for load tests that would drown in SDK clients. */
export type RawSession = { call(name: string, args: Record<string, unknown>): Promise<unknown> };

const PROTOCOL = "2025-06-18";

/** The JSON-RPC message of a response body, whether the server answered with JSON or one SSE event. */
function messageOf(contentType: string, text: string): unknown {
  if (!contentType.startsWith("text/event-stream")) return JSON.parse(text);
  const data = text
    .split("\n")
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trim())
    .at(-1);
  if (data === undefined) throw new Error(`no SSE data in: ${text}`);
  return JSON.parse(data);
}

async function post(
  dispatcher: Dispatcher,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; session: string | undefined; message: unknown }> {
  const reply = await request(url, {
    method: "POST",
    dispatcher,
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await reply.body.text();
  const contentType = String(reply.headers["content-type"] ?? "");
  const session = reply.headers["mcp-session-id"];
  return {
    status: reply.statusCode,
    session: typeof session === "string" ? session : undefined,
    message: text === "" ? undefined : messageOf(contentType, text),
  };
}

/** Initializes one MCP session at `url` with a grant token and returns a way to call tools in it. */
export async function openRawSession(
  dispatcher: Dispatcher,
  url: string,
  token: string,
): Promise<RawSession> {
  const auth = { authorization: `Bearer ${token}`, "mcp-protocol-version": PROTOCOL };
  const init = await post(dispatcher, url, auth, {
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: { protocolVersion: PROTOCOL, capabilities: {}, clientInfo: { name: "raw-load", version: "1" } },
  });
  if (init.status !== 200 || init.session === undefined) throw new Error(`initialize failed: ${init.status}`);
  const headers = { ...auth, "mcp-session-id": init.session };
  await post(dispatcher, url, headers, { jsonrpc: "2.0", method: "notifications/initialized" });
  let id = 1;
  return {
    async call(name, args) {
      const answer = await post(dispatcher, url, headers, {
        jsonrpc: "2.0",
        id: id++,
        method: "tools/call",
        params: { name, arguments: args },
      });
      return answer.message;
    },
  };
}
