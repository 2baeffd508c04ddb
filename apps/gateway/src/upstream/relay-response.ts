import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { GatewayError } from "../errors/gateway-error";
import { isCallStream, sseEvent } from "../http/call-stream";
import type { RequestId } from "../jsonrpc/parse-message";
import type { ProtocolRevision } from "../protocol/protocol-revision";
import { errorMessageOf, filterToolsResponse, responseTo, type ToolFilter } from "./response-messages";
import { SseEventSplitter, sseData, withSseData } from "./sse-event-splitter";

/** What the gateway looks for in an upstream response. */
export type Inspection =
  | { kind: "none" }
  | { kind: "tools_list"; id: RequestId; filter: ToolFilter; revision: ProtocolRevision }
  | { kind: "tools_call"; id: RequestId };

export type RelayOutcome = {
  /** The upstream failed the request: HTTP >= 500, or a JSON-RPC error response to an inspected call. */
  failed: boolean;
  message: string | null;
  upstreamSessionId: string | undefined;
};

const MAX_INSPECTED_BYTES = 16 * 1024 * 1024;

/**
 * Relays an upstream response to the client as it arrives. JSON and SSE bodies pass through byte for
 * byte, except a tools/list result, which is filtered; a tools/call result is watched for failure.
 */
export async function relayResponse(
  reply: Dispatcher.ResponseData,
  res: ServerResponse,
  inspection: Inspection,
  bindSession: (upstreamSessionId: string) => string,
): Promise<RelayOutcome> {
  if (reply.statusCode === 401 || reply.statusCode === 403) {
    await reply.body.dump();
    // Passing these on would make the client start an OAuth flow against the gateway itself.
    throw new GatewayError(
      "upstream_rejected",
      `The upstream MCP server rejected the gateway's stored credentials (HTTP ${reply.statusCode}).`,
    );
  }
  if (reply.statusCode >= 300 && reply.statusCode < 400) {
    await reply.body.dump();
    // Never followed: a redirect could point anywhere, including addresses the URL check refused.
    throw new GatewayError(
      "upstream_redirected",
      `The upstream MCP server answered with a redirect (HTTP ${reply.statusCode}); the gateway does not follow redirects, so update the server's URL.`,
    );
  }
  const contentType = header(reply, "content-type") ?? "";
  const upstreamSessionId = header(reply, "mcp-session-id");
  const headers: OutgoingHttpHeaders = {};
  if (contentType !== "") headers["content-type"] = contentType;
  if (upstreamSessionId !== undefined) headers["mcp-session-id"] = bindSession(upstreamSessionId);
  const outcome: RelayOutcome = {
    failed: reply.statusCode >= 500,
    message: null,
    upstreamSessionId,
  };
  const isSse = contentType.startsWith("text/event-stream");
  if (isSse) headers["cache-control"] = "no-cache";

  if (isCallStream(res)) {
    await relayIntoCallStream(reply, res, inspection, outcome);
  } else if (inspection.kind === "none" || reply.statusCode >= 300) {
    res.writeHead(reply.statusCode, headers);
    await pipeBody(reply, res);
  } else if (isSse) {
    res.writeHead(reply.statusCode, headers);
    await relaySse(reply, res, inspection, outcome);
  } else {
    await relayJson(reply, res, headers, inspection, outcome);
  }
  return outcome;
}

function header(reply: Dispatcher.ResponseData, name: string): string | undefined {
  const value = reply.headers[name];
  return typeof value === "string" ? value : undefined;
}

async function relayJson(
  reply: Dispatcher.ResponseData,
  res: ServerResponse,
  headers: OutgoingHttpHeaders,
  inspection: Exclude<Inspection, { kind: "none" }>,
  outcome: RelayOutcome,
): Promise<void> {
  const body = await readCapped(reply);
  const text = body.toString("utf8");
  const response = responseTo(text, inspection.id);
  if (response === undefined) {
    res.writeHead(reply.statusCode, headers).end(body);
    return;
  }
  if (inspection.kind === "tools_call") {
    outcome.message = errorMessageOf(response);
    outcome.failed ||= outcome.message !== null;
    res.writeHead(reply.statusCode, headers).end(body);
    return;
  }
  const filtered = JSON.stringify(filterToolsResponse(response, inspection.filter, inspection.revision));
  res.writeHead(reply.statusCode, headers).end(filtered);
}

/** The answer of a call whose SSE stream the gateway already opened (it was held): events on that stream. */
async function relayIntoCallStream(
  reply: Dispatcher.ResponseData,
  res: ServerResponse,
  inspection: Inspection,
  outcome: RelayOutcome,
): Promise<void> {
  const isSse = (header(reply, "content-type") ?? "").startsWith("text/event-stream");
  if (isSse && reply.statusCode < 300 && inspection.kind !== "none") {
    await relaySse(reply, res, inspection, outcome);
    return;
  }
  const text = (await readCapped(reply)).toString("utf8");
  const response = inspection.kind === "none" ? undefined : responseTo(text, inspection.id);
  if (response === undefined) {
    throw new GatewayError(
      "upstream_unavailable",
      `The upstream MCP server answered HTTP ${reply.statusCode} without a JSON-RPC response.`,
    );
  }
  outcome.message = errorMessageOf(response);
  outcome.failed ||= outcome.message !== null;
  res.end(sseEvent(text));
}

async function relaySse(
  reply: Dispatcher.ResponseData,
  res: ServerResponse,
  inspection: Exclude<Inspection, { kind: "none" }>,
  outcome: RelayOutcome,
): Promise<void> {
  const splitter = new SseEventSplitter();
  let answered = false;
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    // Once the response has gone out the client's stream is complete (MCP servers close it there);
    // the rest of the upstream body is only drained, so its keep-alive connection can be reused.
    if (answered) continue;
    if (inspection.kind === "tools_call") {
      // Bytes go on unchanged; the events are only read to learn how the call ended.
      answered = watchCall(splitter.push(chunk), inspection.id, outcome);
      if (answered) res.end(chunk);
      else await write(res, chunk);
      continue;
    }
    let text = "";
    for (const event of splitter.push(chunk)) {
      const rewritten = rewriteToolsListEvent(event, inspection);
      text += `${rewritten ?? event}\n\n`;
      answered ||= rewritten !== undefined;
    }
    if (answered) res.end(text);
    else if (text.length > 0) await write(res, text);
  }
  if (answered) return;
  if (inspection.kind === "tools_list") res.end(splitter.rest());
  else res.end();
}

function watchCall(events: string[], id: RequestId, outcome: RelayOutcome): boolean {
  for (const event of events) {
    const data = sseData(event);
    const response = data === undefined ? undefined : responseTo(data, id);
    if (response === undefined) continue;
    outcome.message = errorMessageOf(response);
    outcome.failed ||= outcome.message !== null;
    return true;
  }
  return false;
}

/** The event rewritten with the filtered list if it carries the tools/list answer; undefined otherwise. */
function rewriteToolsListEvent(
  event: string,
  inspection: Extract<Inspection, { kind: "tools_list" }>,
): string | undefined {
  const data = sseData(event);
  const response = data === undefined ? undefined : responseTo(data, inspection.id);
  return response === undefined
    ? undefined
    : withSseData(
        event,
        JSON.stringify(filterToolsResponse(response, inspection.filter, inspection.revision)),
      );
}

async function pipeBody(reply: Dispatcher.ResponseData, res: ServerResponse): Promise<void> {
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    await write(res, chunk);
  }
  res.end();
}

async function readCapped(reply: Dispatcher.ResponseData): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INSPECTED_BYTES) {
      reply.body.destroy();
      throw new GatewayError(
        "upstream_unavailable",
        "The upstream MCP server sent a response that is too large.",
      );
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
}

/** Writes with backpressure: waits for the client to drain (or go away) before taking more from upstream. */
function write(res: ServerResponse, chunk: Buffer | string): Promise<void> | undefined {
  if (res.write(chunk) || res.destroyed) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
