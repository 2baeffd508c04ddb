import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { GatewayError } from "../errors/gateway-error";
import type { JsonRpcMessage, RequestId } from "../jsonrpc/parse-message";
import { FIRST_STATELESS_VERSION, metaOf } from "../protocol/protocol-revision";
import { checkRoutingHeaders } from "../protocol/routing-headers";
import { mergeCapabilities, mergeInstructions, type ServerProfile } from "./merge-capabilities";
import { DEFAULT_SEPARATOR, NameMap, type NameTarget } from "./names";
import { type RpcAnswer, readPipeAnswer } from "./pipe-answer";
import { aggregateServerInfo } from "./server-info";
import type { PipeReply, ServerPipe } from "./server-pipe";
import type { ServerProfiles } from "./server-profiles";

/** One stateless (2026-07-28) request on a tenant URL, its grant already checked. */
export type StatelessRequest = {
  tenantId: string;
  tenantSlug: string;
  grantId: string;
  token: string;
  serverSlugs: readonly string[];
  /** Each server's tool and prompt prefix (its slug unless it has its own). */
  toolPrefixes?: ReadonlyMap<string, string>;
  headers: IncomingHttpHeaders;
  message: JsonRpcMessage;
  pipe: ServerPipe;
};

/** Which server and original name each exposed name of a grant stands for, learnt from its lists. */
type Directory = {
  tools: NameMap;
  prompts: NameMap;
  resourceOwners: Map<string, string>;
  templateServers: Set<string>;
};

type Listing = "tools" | "prompts" | "resources" | "resourceTemplates";

const LIST_METHODS: Record<string, Listing> = {
  "tools/list": "tools",
  "prompts/list": "prompts",
  "resources/list": "resources",
  "resources/templates/list": "resourceTemplates",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The tenant URL on the stateless wire (2026-07-28): no session, so each request is answered on its
 * own. Lists are gathered from every server of the grant through its per-server pipeline (prefixed,
 * marked private: they are this grant's view); a call, read or prompt goes to its server's pipeline
 * under the original name and its answer (a result, a denial, an InputRequiredResult) is relayed as is.
 */
export class StatelessAggregate {
  /** Per grant, what its last lists said, so a call does not relist every server. */
  private readonly directories = new LRUCache<string, Directory>({ max: 10_000, ttl: 10 * 60_000 });

  constructor(private readonly deps: { logger: Logger; profiles: ServerProfiles; separator?: string }) {}

  async answer(request: StatelessRequest, res: ServerResponse): Promise<void> {
    const { message } = request;
    checkRoutingHeaders(request.headers, message, "stateless");
    const id = message.id;
    if (message.method === undefined || id === undefined || id === null) {
      // Notifications (and stray responses) carry nothing the aggregate acts on.
      res.writeHead(202).end();
      return;
    }
    const params = isRecord(message.params) ? message.params : {};
    const listing = LIST_METHODS[message.method];
    if (listing !== undefined) {
      return sendResult(res, id, await this.list(request, listing, message.method, params));
    }
    switch (message.method) {
      case "server/discover":
        return sendResult(res, id, await this.discover(request, params));
      case "ping":
        return sendResult(res, id, {});
      case "tools/call":
        return this.byName(request, res, id, params, "tools");
      case "prompts/get":
        return this.byName(request, res, id, params, "prompts");
      case "resources/read":
        return this.read(request, res, id, params);
      case "completion/complete":
        return this.complete(request, res, id, params);
      default:
        throw new GatewayError(
          "method_not_found",
          `Method not found: the tenant URL does not serve '${message.method}' on the stateless wire.`,
        );
    }
  }

  private directory(request: StatelessRequest): Directory {
    // A changed tool prefix starts a new directory, so old names stop resolving.
    const prefixes = [...(request.toolPrefixes ?? [])].map(([slug, prefix]) => `${slug}=${prefix}`).join(",");
    const key = `${request.grantId}|${prefixes}`;
    let directory = this.directories.get(key);
    if (directory === undefined) {
      const separator = this.deps.separator;
      directory = {
        tools: new NameMap(separator, request.toolPrefixes),
        prompts: new NameMap(separator, request.toolPrefixes),
        resourceOwners: new Map(),
        templateServers: new Set(),
      };
      this.directories.set(key, directory);
    }
    return directory;
  }

  /** What the tenant URL offers this grant: capabilities merged from what its servers declared. */
  private async discover(
    request: StatelessRequest,
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const profiles = await Promise.all(
      request.serverSlugs.map((slug) => this.profileOf(request, slug, params)),
    );
    const instructions = mergeInstructions(profiles, this.deps.separator ?? DEFAULT_SEPARATOR);
    return {
      supportedVersions: [FIRST_STATELESS_VERSION, ...SUPPORTED_PROTOCOL_VERSIONS],
      capabilities: mergeCapabilities(profiles),
      ...(instructions === undefined ? {} : { instructions }),
      // Which servers (and so which capabilities) depend on the grant: never from a shared cache.
      cacheScope: "private",
      _meta: {
        "io.modelcontextprotocol/serverInfo": aggregateServerInfo(request.tenantSlug, request.serverSlugs),
      },
    };
  }

  /** A server's declared capabilities: remembered from its last connect, else asked with server/discover. */
  private async profileOf(
    request: StatelessRequest,
    slug: string,
    params: Record<string, unknown>,
  ): Promise<ServerProfile> {
    const known = this.deps.profiles.get(request.tenantId, slug);
    if (known !== undefined) return { serverSlug: slug, ...known };
    try {
      const answer = await this.ask(request, slug, "server/discover", params);
      const result = answer.result;
      if (result === undefined || !isRecord(result.capabilities)) throw new Error(answer.error?.message);
      const learnt = {
        capabilities: result.capabilities,
        instructions: typeof result.instructions === "string" ? result.instructions : undefined,
      };
      this.deps.profiles.remember(request.tenantId, slug, learnt);
      return { serverSlug: slug, ...learnt };
    } catch (error) {
      this.leftOut(request, slug, error);
      return { serverSlug: slug, capabilities: undefined, instructions: undefined };
    }
  }

  /** One listing gathered from every server; a server that fails is left out with a log line. */
  private async list(
    request: StatelessRequest,
    listing: Listing,
    method: string,
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    // A cursor belongs to one server's list; the aggregate gathers first pages only.
    const { cursor: _cursor, ...upstreamParams } = params;
    const directory = this.directory(request);
    let ttlMs: number | undefined;
    const gathered = await Promise.all(
      request.serverSlugs.map(async (slug) => {
        try {
          const answer = await this.ask(request, slug, method, upstreamParams);
          if (answer.result === undefined) throw new Error(answer.error?.message ?? "no result");
          const items = answer.result[listing];
          if (!Array.isArray(items)) return [];
          const ttl = answer.result.ttlMs;
          if (typeof ttl === "number") ttlMs = Math.min(ttlMs ?? ttl, ttl);
          return this.expose(directory, slug, listing, items.filter(isRecord));
        } catch (error) {
          this.leftOut(request, slug, error);
          if (listing === "tools") directory.tools.forgetServer(slug);
          if (listing === "prompts") directory.prompts.forgetServer(slug);
          return [];
        }
      }),
    );
    return {
      [listing]: gathered.flat(),
      ...(ttlMs === undefined ? {} : { ttlMs }),
      cacheScope: "private",
    };
  }

  /** Records which server listed each item and gives tools and prompts their prefixed names. */
  private expose(
    directory: Directory,
    slug: string,
    listing: Listing,
    items: Record<string, unknown>[],
  ): Record<string, unknown>[] {
    if (listing === "resources") {
      for (const item of items)
        if (typeof item.uri === "string") directory.resourceOwners.set(item.uri, slug);
      return items;
    }
    if (listing === "resourceTemplates") {
      if (items.length > 0) directory.templateServers.add(slug);
      else directory.templateServers.delete(slug);
      return items;
    }
    const names = listing === "tools" ? directory.tools : directory.prompts;
    names.forgetServer(slug);
    return items
      .filter((item) => typeof item.name === "string")
      .map((item) => ({ ...item, name: names.expose(slug, String(item.name)) }));
  }

  /** tools/call and prompts/get: to the server that listed the name, under its original name. */
  private async byName(
    request: StatelessRequest,
    res: ServerResponse,
    id: RequestId,
    params: Record<string, unknown>,
    kind: "tools" | "prompts",
  ): Promise<void> {
    const name = params.name;
    if (typeof name !== "string") {
      throw new GatewayError("invalid_params", "Invalid params: 'name' must be a string.");
    }
    const target = await this.resolve(request, name, kind);
    const method = kind === "tools" ? "tools/call" : "prompts/get";
    await this.relay(
      request,
      res,
      target.serverSlug,
      id,
      method,
      { ...params, name: target.name },
      target.name,
    );
  }

  private async resolve(
    request: StatelessRequest,
    name: string,
    kind: "tools" | "prompts",
  ): Promise<NameTarget> {
    const directory = this.directory(request);
    const names = kind === "tools" ? directory.tools : directory.prompts;
    const known = names.resolve(name);
    if (known !== undefined) return known;
    // Not listed by this grant yet (a new client, another replica): list once, then resolve.
    await this.list(request, kind, `${kind}/list`, {});
    const target = names.resolve(name) ?? this.byPrefix(request, name);
    if (target !== undefined) return target;
    const candidates = names.candidates(name);
    const hint =
      candidates.length === 0
        ? `List ${kind} to see the names on this URL.`
        : `Names on the tenant URL are prefixed with their server: did you mean ${candidates.map((c) => `'${c}'`).join(" or ")}?`;
    throw new GatewayError(
      "invalid_params",
      `Unknown ${kind === "tools" ? "tool" : "prompt"} '${name}'. ${hint}`,
    );
  }

  /**
   * A prefixed name that was not listed (its policy hides it) still goes to its server, so the server's
   * own policy answers with its own denial instead of the aggregate pretending the tool does not exist.
   */
  private byPrefix(request: StatelessRequest, name: string): NameTarget | undefined {
    const separator = this.deps.separator ?? DEFAULT_SEPARATOR;
    for (const serverSlug of request.serverSlugs) {
      const prefix = `${request.toolPrefixes?.get(serverSlug) ?? serverSlug}${separator}`;
      if (name.startsWith(prefix) && name.length > prefix.length) {
        return { serverSlug, name: name.slice(prefix.length) };
      }
    }
    return undefined;
  }

  private async read(
    request: StatelessRequest,
    res: ServerResponse,
    id: RequestId,
    params: Record<string, unknown>,
  ): Promise<void> {
    const uri = params.uri;
    if (typeof uri !== "string")
      throw new GatewayError("invalid_params", "Invalid params: 'uri' must be a string.");
    const owner = await this.ownerOf(request, uri);
    await this.relay(request, res, owner, id, "resources/read", params, uri);
  }

  private async complete(
    request: StatelessRequest,
    res: ServerResponse,
    id: RequestId,
    params: Record<string, unknown>,
  ): Promise<void> {
    const ref = isRecord(params.ref) ? params.ref : {};
    if (ref.type === "ref/prompt" && typeof ref.name === "string") {
      const target = await this.resolve(request, ref.name, "prompts");
      const forwarded = { ...params, ref: { ...ref, name: target.name } };
      return this.relay(request, res, target.serverSlug, id, "completion/complete", forwarded, undefined);
    }
    if (typeof ref.uri !== "string") {
      throw new GatewayError("invalid_params", "Invalid params: 'ref' must name a prompt or a resource uri.");
    }
    const owner = await this.ownerOf(request, ref.uri);
    await this.relay(request, res, owner, id, "completion/complete", params, undefined);
  }

  /** The server that listed a resource URI, or else the first server with resource templates. */
  private async ownerOf(request: StatelessRequest, uri: string): Promise<string> {
    const directory = this.directory(request);
    let owner = directory.resourceOwners.get(uri);
    if (owner === undefined) {
      await this.list(request, "resources", "resources/list", {});
      owner = directory.resourceOwners.get(uri);
    }
    if (owner === undefined && directory.templateServers.size === 0) {
      await this.list(request, "resourceTemplates", "resources/templates/list", {});
    }
    owner ??= directory.templateServers.values().next().value;
    if (owner === undefined) {
      throw new GatewayError("invalid_params", `Unknown resource '${uri}': list resources first.`);
    }
    return owner;
  }

  /** Asks one server's pipeline and reads its answer (lists, discovery). */
  private async ask(
    request: StatelessRequest,
    slug: string,
    method: string,
    params: Record<string, unknown>,
  ): Promise<RpcAnswer> {
    const reply = await this.post(request, slug, 1, method, params, undefined);
    if (reply.status >= 300) {
      reply.body.resume();
      throw new Error(`HTTP ${reply.status}`);
    }
    return readPipeAnswer(reply, 1);
  }

  /** Sends the client's request to one server's pipeline and relays the answer as it streams. */
  private async relay(
    request: StatelessRequest,
    res: ServerResponse,
    slug: string,
    id: RequestId,
    method: string,
    params: Record<string, unknown>,
    name: string | undefined,
  ): Promise<void> {
    const controller = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const reply = await this.post(request, slug, id, method, params, name, controller.signal);
    res.writeHead(reply.status, reply.contentType === "" ? {} : { "content-type": reply.contentType });
    try {
      for await (const chunk of reply.body as AsyncIterable<Buffer>) {
        if (!res.write(chunk)) await drained(res);
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    res.end();
  }

  private post(
    request: StatelessRequest,
    slug: string,
    id: RequestId,
    method: string,
    params: Record<string, unknown>,
    name: string | undefined,
    signal?: AbortSignal,
  ): Promise<PipeReply> {
    // Every request the aggregate sends on the client's behalf carries the client's _meta (its revision).
    const meta = params._meta ?? metaOf(request.message);
    const sent = meta === undefined ? params : { ...params, _meta: meta };
    const body = JSON.stringify({ jsonrpc: "2.0", id, method, params: sent });
    return request.pipe.post(slug, pipeHeaders(request, method, name), body, signal);
  }

  private leftOut(request: StatelessRequest, slug: string, error: unknown): void {
    this.deps.logger.warn(
      {
        server: slug,
        tenant: request.tenantSlug,
        err: error instanceof Error ? error.message : String(error),
      },
      "aggregate: server left out of the tenant URL's answer (unreachable, failing, or not on the stateless wire)",
    );
  }
}

/** The headers a conforming stateless client would send the server's own URL for this request. */
function pipeHeaders(
  request: StatelessRequest,
  method: string,
  name: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token}`,
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-method": method,
  };
  if (name !== undefined) headers["mcp-name"] = name;
  const version = request.headers["mcp-protocol-version"];
  if (typeof version === "string") headers["mcp-protocol-version"] = version;
  const traceparent = request.headers.traceparent;
  if (typeof traceparent === "string") headers.traceparent = traceparent;
  return headers;
}

function sendResult(res: ServerResponse, id: RequestId, result: Record<string, unknown>): void {
  const body = JSON.stringify({ jsonrpc: "2.0", id, result: { ...result, resultType: "complete" } });
  res.writeHead(200, { "content-type": "application/json" }).end(body);
}

function drained(res: ServerResponse): Promise<void> {
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
