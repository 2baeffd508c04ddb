import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { ServerMessageFilter } from "../enforcement/server-message-filter";
import type { RequestId } from "../jsonrpc/parse-message";
import { type CallFailure, callFailureOf } from "../upstream/response-messages";

/** What the gateway learns from the upstream's answer to one client request. */
export type Watch = { onAnswer: (failure: CallFailure | null) => void };

type Message = Record<string, unknown>;

// JSON-RPC server error (implementation-defined range): the upstream went away mid-request.
const UPSTREAM_GONE = -32000;

/**
 * One client session relayed to an upstream that does not speak Streamable HTTP (legacy HTTP+SSE, or a
 * stdio process). The client side is the SDK's Streamable HTTP server transport (sessions, SSE, GET
 * stream, DELETE); messages are passed on unchanged except a watched tools/list answer, which is filtered.
 * Server-to-client messages go on the stream of the request they belong to (by progress token, else the
 * newest open request), else on the GET stream, as a Streamable HTTP server would send them.
 */
export class BridgeSession {
  readonly client: StreamableHTTPServerTransport;
  private readonly open: RequestId[] = [];
  private readonly progressTokens = new Map<unknown, RequestId>();
  private readonly watches = new Map<RequestId, Watch>();
  private closing: Promise<void> | undefined;
  // Armed while a GET stream is open: ends it after that long without a message on it.
  private streamIdle: NodeJS.Timeout | undefined;
  // Until the first request sets the policy's filter, nothing the upstream says reaches the client.
  private filter: ServerMessageFilter = () => null;

  constructor(
    clientSessionId: string,
    private readonly upstream: Transport,
    private readonly onClosed: () => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.client = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => clientSessionId,
      onsessionclosed: () => void this.close(),
    });
    this.client.onmessage = (message) => this.fromClient(message as unknown as Message);
    this.client.onerror = onError;
    this.upstream.onmessage = (message) => this.fromUpstream(message as unknown as Message);
    this.upstream.onerror = onError;
    this.upstream.onclose = () => void this.close();
  }

  /** Connects to the upstream (spawns the process, or opens the SSE stream). */
  async start(): Promise<void> {
    await this.upstream.start();
    await this.client.start();
  }

  /** The filter every server→client message goes through from now on (the policy may have changed). */
  useFilter(filter: ServerMessageFilter): void {
    this.filter = filter;
  }

  /** Applies `watch` to the upstream's answer to client request `id`. */
  watch(id: RequestId, watch: Watch): void {
    this.watches.set(id, watch);
  }

  /**
   * Ends the client's GET stream after `idleMs` without a server message on it, as the gateway does for
   * Streamable HTTP upstreams (TOOLGATE_STREAM_IDLE_S): an idle stream must not hold a tenant's stream slot
   * forever. The client opens a new one if it still wants it. Called when a GET stream is opened.
   */
  closeStreamWhenIdle(idleMs: number): void {
    clearTimeout(this.streamIdle);
    this.streamIdle = setTimeout(() => {
      this.streamIdle = undefined;
      this.client.closeStandaloneSSEStream();
    }, idleMs);
    this.streamIdle.unref();
  }

  /** Ends the session: the client's streams close and the upstream connection (or process) goes. */
  close(): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    clearTimeout(this.streamIdle);
    // Set before closing anything: closing the upstream calls back into close() (its onclose).
    let done: () => void = () => {};
    this.closing = new Promise<void>((resolve) => {
      done = resolve;
    });
    void Promise.allSettled([this.upstream.close(), this.answerOpenRequests()])
      .then(() => this.client.close())
      .finally(() => {
        this.onClosed();
        done();
      });
    return this.closing;
  }

  /** Requests the upstream will never answer now get an error, so no client waits on them forever. */
  private async answerOpenRequests(): Promise<void> {
    const open = this.open.splice(0);
    await Promise.allSettled(
      open.map((id) =>
        this.client.send({
          jsonrpc: "2.0",
          id,
          error: {
            code: UPSTREAM_GONE,
            message: "The upstream MCP server ended the session before answering.",
          },
        } as JSONRPCMessage),
      ),
    );
  }

  private fromClient(message: Message): void {
    const id = message.id as RequestId | undefined;
    if (typeof message.method === "string" && id !== undefined) {
      this.open.push(id);
      const token = progressTokenOf(message.params);
      if (token !== undefined) this.progressTokens.set(token, id);
    }
    this.upstream.send(message as unknown as JSONRPCMessage).catch(this.onError);
  }

  private fromUpstream(message: Message): void {
    const id = message.id as RequestId | undefined;
    if (typeof message.method !== "string" && id !== undefined) {
      this.answer(id, message);
      return;
    }
    const filtered = this.filter(message);
    if (filtered === null) return;
    const related = this.relatedRequest(filtered);
    if (related === undefined) this.streamIdle?.refresh();
    this.client
      .send(filtered as unknown as JSONRPCMessage, { relatedRequestId: related })
      .catch(() => {
        this.streamIdle?.refresh();
        return this.client.send(filtered as unknown as JSONRPCMessage);
      })
      .catch(this.onError);
  }

  private answer(id: RequestId, message: Message): void {
    const at = this.open.indexOf(id);
    if (at !== -1) this.open.splice(at, 1);
    for (const [token, owner] of this.progressTokens) if (owner === id) this.progressTokens.delete(token);
    const watch = this.watches.get(id);
    if (watch !== undefined) {
      this.watches.delete(id);
      watch.onAnswer(callFailureOf(message));
    }
    // A response is never dropped (the client waits for it); a listing in it is filtered.
    const outgoing = this.filter(message) ?? message;
    this.client.send(outgoing as unknown as JSONRPCMessage).catch(this.onError);
  }

  private relatedRequest(message: Message): RequestId | undefined {
    const token =
      message.method === "notifications/progress" ? progressTokenOf(message.params, true) : undefined;
    const owner = token === undefined ? undefined : this.progressTokens.get(token);
    return owner ?? this.open.at(-1);
  }
}

function progressTokenOf(params: unknown, direct = false): unknown {
  if (typeof params !== "object" || params === null) return undefined;
  if (direct) return (params as { progressToken?: unknown }).progressToken;
  const meta = (params as { _meta?: unknown })._meta;
  return typeof meta === "object" && meta !== null
    ? (meta as { progressToken?: unknown }).progressToken
    : undefined;
}
