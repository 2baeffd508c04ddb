import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Dispatcher } from "undici";
import { mayNeedFiltering, type ServerMessageFilter } from "../enforcement/server-message-filter";
import { GatewayError } from "../errors/gateway-error";
import { isCallStream, sseEvent } from "../http/call-stream";
import type { RequestId } from "../jsonrpc/parse-message";
import { inspectMessage } from "./inspect-message";
import type { CallFailure } from "./response-messages";
import { SseEventSplitter, sseData, withSseData } from "./sse-event-splitter";

/**
 * What the gateway does with an upstream response: every server→client message goes through `filter`
 * (listings filtered, some notifications dropped); the answer to request `id` ends the client's
 * stream, and with `watchCall` it is read to learn whether the upstream failed the call.
 */
export type Inspection = {
  id: RequestId | undefined;
  watchCall: boolean;
  filter: ServerMessageFilter;
  /** On a long-lived stream (GET): the filter under the current policy, fetched before a listing is filtered. */
  refresh?: () => Promise<ServerMessageFilter>;
};

export type RelayOutcome = {
  /** The upstream failed the request: HTTP >= 500, or a JSON-RPC error response to an inspected call. */
  failed: boolean;
  /** How an inspected call failed, a tool's `isError` result included. */
  failure: CallFailure | null;
  upstreamSessionId: string | undefined;
};

const MAX_INSPECTED_BYTES = 16 * 1024 * 1024;

/**
 * Relays an upstream response to the client as it arrives. Every message in a JSON or SSE body is
 * inspected: listings are filtered by the policy, anything else passes on unchanged.
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
    failure: null,
    upstreamSessionId,
  };
  const isSse = contentType.startsWith("text/event-stream");
  if (isSse) headers["cache-control"] = "no-cache";

  if (isCallStream(res)) {
    await relayIntoCallStream(reply, res, inspection, outcome);
  } else if (reply.statusCode >= 300) {
    res.writeHead(reply.statusCode, headers);
    await pipeBody(reply, res);
  } else if (isSse) {
    res.writeHead(reply.statusCode, headers);
    // A long-lived stream (GET) may stay silent for minutes: its headers go out now, as the upstream's did,
    // so the client knows the stream is open. (A call's stream sends them with its first event.)
    if (inspection.refresh !== undefined) res.flushHeaders();
    await relaySse(reply, res, inspection, outcome);
  } else if (contentType.startsWith("application/json")) {
    await relayJson(reply, res, headers, inspection, outcome);
  } else {
    res.writeHead(reply.statusCode, headers);
    await pipeBody(reply, res);
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
  inspection: Inspection,
  outcome: RelayOutcome,
): Promise<void> {
  const body = await readCapped(reply);
  const checked = inspectMessage(body.toString("utf8"), inspection, outcome);
  res.writeHead(reply.statusCode, headers).end(checked.text === undefined ? body : (checked.text ?? ""));
}

/** The answer of a call whose SSE stream the gateway already opened (it was held): events on that stream. */
async function relayIntoCallStream(
  reply: Dispatcher.ResponseData,
  res: ServerResponse,
  inspection: Inspection,
  outcome: RelayOutcome,
): Promise<void> {
  const isSse = (header(reply, "content-type") ?? "").startsWith("text/event-stream");
  if (isSse && reply.statusCode < 300) {
    await relaySse(reply, res, inspection, outcome);
    return;
  }
  const text = (await readCapped(reply)).toString("utf8");
  const checked = inspectMessage(text, inspection, outcome);
  if (!checked.answered) {
    throw new GatewayError(
      "upstream_unavailable",
      `The upstream MCP server answered HTTP ${reply.statusCode} without a JSON-RPC response.`,
    );
  }
  // The answer goes out as the filter left it (a listing in it re-serialised); it is never dropped.
  res.end(sseEvent(checked.text ?? text));
}

async function relaySse(
  reply: Dispatcher.ResponseData,
  res: ServerResponse,
  inspection: Inspection,
  outcome: RelayOutcome,
): Promise<void> {
  const splitter = new SseEventSplitter();
  let answered = false;
  for await (const chunk of reply.body as AsyncIterable<Buffer>) {
    // Once the response has gone out the client's stream is complete (MCP servers close it there);
    // the rest of the upstream body is only drained, so its keep-alive connection can be reused.
    if (answered) continue;
    let text = "";
    const events = splitter.push(chunk);
    if (inspection.refresh !== undefined && events.some(mayNeedFiltering)) {
      // The policy may have changed since the stream opened; policy changes apply to the next message.
      inspection.filter = await inspection.refresh();
    }
    for (const event of events) {
      const data = sseData(event);
      if (data === undefined) {
        text += `${event}\n\n`;
        continue;
      }
      const checked = inspectMessage(data, inspection, outcome);
      answered ||= checked.answered;
      if (checked.text === undefined) text += `${event}\n\n`;
      else if (checked.text !== null) text += `${withSseData(event, checked.text)}\n\n`;
      if (answered) break;
    }
    if (answered) res.end(text);
    else if (text.length > 0) await write(res, text);
  }
  if (answered) return;
  // An unterminated last event is discarded by SSE clients; one that could carry a listing is not sent.
  const rest = splitter.rest();
  res.end(mayNeedFiltering(rest) ? "" : rest);
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
