import { randomUUID } from "node:crypto";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  type Notification,
  type Progress,
  ReadResourceRequestSchema,
  ResultSchema,
  type ServerCapabilities,
  type ServerNotification,
  type ServerRequest,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import { DEFAULT_SEPARATOR, NameMap } from "./names";
import { aggregateServerInfo } from "./server-info";
import { type ClientRequestContext, UpstreamLink } from "./upstream-link";

export type AggregateSessionOptions = {
  tenantId: string;
  tenantSlug: string;
  grantId: string;
  token: string;
  serverSlugs: readonly string[];
  /** Each server's tool and prompt prefix (its slug unless it has its own). */
  toolPrefixes?: ReadonlyMap<string, string>;
  /** The gateway's own base URL on loopback, e.g. http://127.0.0.1:8080. */
  selfUrl: string;
  separator?: string;
  /** What the session declares at initialize: its servers' capabilities merged (`mergeCapabilities`). */
  capabilities: ServerCapabilities;
  instructions?: string;
  logger: Logger;
  onClosed: (sessionId: string) => void;
};

const LONG_CALL = { timeout: 24 * 3600_000, resetTimeoutOnProgress: true };

/**
 * One client session on a tenant URL: an MCP server whose tools, prompts and resources are those of
 * every server the grant may use, each reached through the gateway's own per-server URL.
 */
export class AggregateSession {
  readonly transport: StreamableHTTPServerTransport;
  private readonly server: Server;
  private readonly links = new Map<string, UpstreamLink>();
  private readonly tools: NameMap;
  private readonly prompts: NameMap;
  /** Which server listed each resource URI, so reads and subscriptions go there. */
  private readonly resourceOwners = new Map<string, string>();
  private readonly templateOwners = new Set<string>();
  /** Servers that failed their last list, so a recovery is logged once. */
  private readonly down = new Set<string>();
  private listChangedPending = new Set<string>();

  constructor(private readonly options: AggregateSessionOptions) {
    this.tools = new NameMap(options.separator, options.toolPrefixes);
    this.prompts = new NameMap(options.separator, options.toolPrefixes);
    this.server = new Server(aggregateServerInfo(options.tenantSlug, options.serverSlugs), {
      capabilities: options.capabilities,
      ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
    });
    for (const slug of options.serverSlugs) {
      const url = new URL(`${options.selfUrl}/${options.tenantSlug}/${slug}/mcp`);
      this.links.set(
        slug,
        new UpstreamLink(slug, url, options.token, () => this.server.getClientCapabilities() ?? {}, {
          request: (request, related) => {
            // Relayed as the upstream sent it; the client validates its own answer.
            const outgoing = { method: request.method, params: request.params } as ServerRequest;
            if (related !== undefined) return related.sendRequest(outgoing, ResultSchema);
            return this.server.request(outgoing, ResultSchema);
          },
          notify: (notification, related) => this.relayNotification(notification, related),
        }),
      );
    }
    this.transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
    this.transport.onclose = () => {
      void this.close();
    };
    this.registerToolHandlers();
    // The SDK refuses a handler for a capability the session did not declare.
    if (options.capabilities.prompts !== undefined) this.registerPromptHandlers();
    if (options.capabilities.resources !== undefined) this.registerResourceHandlers();
    if (options.capabilities.completions !== undefined) this.registerCompletionHandler();
    if (options.capabilities.logging !== undefined) this.registerLoggingHandler();
  }

  get grantId(): string {
    return this.options.grantId;
  }

  get tenantId(): string {
    return this.options.tenantId;
  }

  async start(): Promise<void> {
    await this.server.connect(this.transport);
  }

  /** Closes the upstream sessions with the client's. */
  async close(): Promise<void> {
    const sessionId = this.transport.sessionId;
    if (sessionId !== undefined) this.options.onClosed(sessionId);
    await Promise.all([...this.links.values()].map((link) => link.close()));
  }

  private registerToolHandlers(): void {
    const server = this.server;
    server.setRequestHandler(ListToolsRequestSchema, async () => {
      const listed = await this.fromEachServer(async (slug, client) => {
        const { tools } = await client.listTools();
        this.tools.forgetServer(slug);
        return tools.map((tool) => ({ ...tool, name: this.tools.expose(slug, tool.name) }));
      });
      return { tools: listed.flat() };
    });
    server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      const target =
        this.tools.resolve(request.params.name) ?? (await this.relistAndResolve(request.params.name));
      const link = this.links.get(target.serverSlug);
      if (link === undefined) throw unknownTool(request.params.name, []);
      const params = { ...request.params, name: target.name };
      return link.serve(extra, (client) =>
        client.request({ method: "tools/call", params }, ResultSchema, {
          ...LONG_CALL,
          signal: extra.signal,
          onprogress: progressRelay(extra),
        }),
      );
    });
  }

  private registerPromptHandlers(): void {
    const server = this.server;
    server.setRequestHandler(ListPromptsRequestSchema, async () => {
      const listed = await this.fromEachServer(async (slug, client) => {
        if (client.getServerCapabilities()?.prompts === undefined) return [];
        const { prompts } = await client.listPrompts();
        this.prompts.forgetServer(slug);
        return prompts.map((prompt) => ({ ...prompt, name: this.prompts.expose(slug, prompt.name) }));
      });
      return { prompts: listed.flat() };
    });
    server.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
      const target = this.prompts.resolve(request.params.name);
      const link = target === undefined ? undefined : this.links.get(target.serverSlug);
      if (target === undefined || link === undefined) {
        throw new McpError(
          ErrorCode.InvalidParams,
          unknownMessage("prompt", request.params.name, this.prompts),
        );
      }
      return link.serve(extra, (client) => client.getPrompt({ ...request.params, name: target.name }));
    });
  }

  private registerResourceHandlers(): void {
    const server = this.server;
    server.setRequestHandler(ListResourcesRequestSchema, async () => {
      const listed = await this.fromEachServer(async (slug, client) => {
        if (client.getServerCapabilities()?.resources === undefined) return [];
        const { resources } = await client.listResources();
        for (const resource of resources) this.resourceOwners.set(resource.uri, slug);
        return resources;
      });
      return { resources: listed.flat() };
    });
    server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => {
      const listed = await this.fromEachServer(async (slug, client) => {
        if (client.getServerCapabilities()?.resources === undefined) return [];
        const { resourceTemplates } = await client.listResourceTemplates();
        if (resourceTemplates.length > 0) this.templateOwners.add(slug);
        return resourceTemplates;
      });
      return { resourceTemplates: listed.flat() };
    });
    server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) =>
      this.onResourceOwner(request.params.uri, extra, (client) => client.readResource(request.params)),
    );
    server.setRequestHandler(SubscribeRequestSchema, async (request, extra) =>
      this.onResourceOwner(request.params.uri, extra, (client) => client.subscribeResource(request.params)),
    );
    server.setRequestHandler(UnsubscribeRequestSchema, async (request, extra) =>
      this.onResourceOwner(request.params.uri, extra, (client) => client.unsubscribeResource(request.params)),
    );
  }

  private registerCompletionHandler(): void {
    this.server.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
      const ref = request.params.ref;
      if (ref.type === "ref/prompt") {
        const target = this.prompts.resolve(ref.name);
        const link = target === undefined ? undefined : this.links.get(target.serverSlug);
        if (target === undefined || link === undefined) {
          throw new McpError(ErrorCode.InvalidParams, unknownMessage("prompt", ref.name, this.prompts));
        }
        return link.serve(extra, (client) =>
          client.complete({ ...request.params, ref: { ...ref, name: target.name } }),
        );
      }
      return this.onResourceOwner(ref.uri, extra, (client) => client.complete(request.params));
    });
  }

  private registerLoggingHandler(): void {
    this.server.setRequestHandler(SetLevelRequestSchema, async (request) => {
      await this.fromEachServer(async (_slug, client) => {
        if (client.getServerCapabilities()?.logging !== undefined)
          await client.setLoggingLevel(request.params.level);
        return [];
      });
      return {};
    });
  }

  /** Runs `work` on every server of the grant at once; a server that fails is left out with a log line. */
  private async fromEachServer<T>(work: (slug: string, client: Client) => Promise<T[]>): Promise<T[][]> {
    return Promise.all(
      [...this.links.values()].map(async (link) => {
        try {
          const result = await link.serve(undefined, (client) => work(link.serverSlug, client));
          if (this.down.delete(link.serverSlug)) {
            this.options.logger.info({ server: link.serverSlug }, "aggregate: server is back");
          }
          return result;
        } catch (error) {
          this.tools.forgetServer(link.serverSlug);
          this.prompts.forgetServer(link.serverSlug);
          this.down.add(link.serverSlug);
          this.options.logger.warn(
            { server: link.serverSlug, tenant: this.options.tenantSlug, err: describe(error) },
            "aggregate: server left out of the tenant URL's lists (unreachable or failing)",
          );
          // The next list connects afresh, so the server comes back when it recovers.
          await link.close();
          return [];
        }
      }),
    );
  }

  private async relistAndResolve(name: string): Promise<{ serverSlug: string; name: string }> {
    await this.fromEachServer(async (slug, client) => {
      const { tools } = await client.listTools();
      this.tools.forgetServer(slug);
      for (const tool of tools) this.tools.expose(slug, tool.name);
      return [];
    });
    const target = this.tools.resolve(name) ?? this.byPrefix(name);
    if (target === undefined) throw unknownTool(name, this.tools.candidates(name));
    return target;
  }

  /**
   * A prefixed name that was not listed (its policy hides it) still goes to its server, so the server's
   * own policy answers with its own denial instead of the aggregate pretending the tool does not exist.
   */
  private byPrefix(name: string): { serverSlug: string; name: string } | undefined {
    const separator = this.options.separator ?? DEFAULT_SEPARATOR;
    for (const serverSlug of this.links.keys()) {
      const prefix = `${this.tools.prefixOf(serverSlug)}${separator}`;
      if (name.startsWith(prefix) && name.length > prefix.length) {
        return { serverSlug, name: name.slice(prefix.length) };
      }
    }
    return undefined;
  }

  private async onResourceOwner<T>(
    uri: string,
    extra: ClientRequestContext,
    work: (client: Client) => Promise<T>,
  ): Promise<T> {
    const owner = this.resourceOwners.get(uri);
    const link = owner === undefined ? undefined : this.links.get(owner);
    if (link !== undefined) return link.serve(extra, work);
    // A URI from a template: the first server with templates that knows it answers.
    let lastError: unknown;
    for (const slug of this.templateOwners) {
      const candidate = this.links.get(slug);
      if (candidate === undefined) continue;
      try {
        return await candidate.serve(extra, work);
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError instanceof McpError) throw lastError;
    throw new McpError(ErrorCode.InvalidParams, `Unknown resource '${uri}': list resources first.`);
  }

  private async relayNotification(notification: Notification, related: ClientRequestContext | undefined) {
    const method = notification.method;
    if (method.endsWith("/list_changed")) {
      // list_changed from several upstreams at once becomes one notification.
      if (this.listChangedPending.has(method)) return;
      this.listChangedPending.add(method);
      queueMicrotask(() => {
        this.listChangedPending.delete(method);
        void this.server.notification({ method }).catch(() => undefined);
      });
      return;
    }
    const outgoing = { method, params: notification.params } as ServerNotification;
    if (related !== undefined) return related.sendNotification(outgoing);
    return this.server.notification(outgoing);
  }
}

function progressRelay(extra: ClientRequestContext): ((progress: Progress) => void) | undefined {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return undefined;
  return (progress) => {
    void extra
      .sendNotification({ method: "notifications/progress", params: { ...progress, progressToken } })
      .catch(() => undefined);
  };
}

function unknownTool(name: string, candidates: string[]): McpError {
  const hint =
    candidates.length === 0
      ? "List tools to see the names on this URL."
      : `Tools on the tenant URL are prefixed with their server: did you mean ${candidates.map((c) => `'${c}'`).join(" or ")}?`;
  return new McpError(ErrorCode.InvalidParams, `Unknown tool '${name}'. ${hint}`);
}

function unknownMessage(kind: string, name: string, names: NameMap): string {
  const candidates = names.candidates(name);
  const hint =
    candidates.length === 0 ? "" : ` Did you mean ${candidates.map((c) => `'${c}'`).join(" or ")}?`;
  return `Unknown ${kind} '${name}'.${hint}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
