import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type {
  ClientCapabilities,
  ClientResult,
  JSONRPCRequest,
  Notification,
  ServerNotification,
  ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";

/** What a request of the aggregate's client carries that an upstream request may need to reach it. */
export type ClientRequestContext = RequestHandlerExtra<ServerRequest, ServerNotification>;

export type LinkRelay = {
  /** A server→client request (sampling, elicitation, roots) from this upstream, to answer via the client. */
  request(request: JSONRPCRequest, related: ClientRequestContext | undefined): Promise<ClientResult>;
  /** A notification from this upstream (logging, list_changed, resources/updated). */
  notify(notification: Notification, related: ClientRequestContext | undefined): Promise<void>;
};

/**
 * One SDK client to the gateway's own per-server URL `/<tenant>/<server>/mcp`, with the client's token,
 * so every call through the tenant URL takes the per-server path: identity, policy, limits, upstream, log.
 */
export class UpstreamLink {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  /** Requests of the aggregate's client being served by this upstream now; the newest relates upstream requests. */
  private readonly active: ClientRequestContext[] = [];

  constructor(
    readonly serverSlug: string,
    private readonly url: URL,
    private readonly token: string,
    private readonly capabilities: () => ClientCapabilities,
    private readonly relay: LinkRelay,
  ) {}

  /** The connected client, connecting on first use. */
  connected(): Promise<Client> {
    if (this.client !== undefined) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** Runs `work` on the client with `context` as the request upstream requests relate to. */
  async serve<T>(
    context: ClientRequestContext | undefined,
    work: (client: Client) => Promise<T>,
  ): Promise<T> {
    const client = await this.connected();
    if (context !== undefined) this.active.push(context);
    try {
      return await work(client);
    } finally {
      if (context !== undefined) this.active.splice(this.active.indexOf(context), 1);
    }
  }

  /** Ends the upstream session (DELETE) and the client; a later use connects again. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    const transport = client.transport;
    if (transport instanceof StreamableHTTPClientTransport) {
      await transport.terminateSession().catch(() => undefined);
    }
    await client.close().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client(
      { name: "toolgate-aggregate", version: "1.0.0" },
      { capabilities: this.capabilities() },
    );
    client.fallbackRequestHandler = (request) => this.relay.request(request, this.active.at(-1));
    client.fallbackNotificationHandler = (notification) =>
      this.relay.notify(notification, this.active.at(-1));
    client.onclose = () => {
      if (this.client === client) this.client = undefined;
    };
    const transport = new StreamableHTTPClientTransport(this.url, {
      requestInit: { headers: { authorization: `Bearer ${this.token}` } },
    });
    await client.connect(transport);
    this.client = client;
    return client;
  }
}
