import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { Db } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";
import type { Logger } from "pino";
import type { GatewayCache } from "../cache/gateway-cache";
import { GatewayError } from "../errors/gateway-error";
import { readBody } from "../http/read-body";
import { sendError } from "../http/send";
import { type JsonRpcMessage, parseMessage, requestIdOf } from "../jsonrpc/parse-message";
import { protocolRevision } from "../protocol/protocol-revision";
import { AggregateSession } from "./aggregate-session";
import { authenticateTenant, grantServers, grantValid, type TenantAuth } from "./authenticate-tenant";
import { learnProfiles } from "./learn-profiles";
import { mergeCapabilities, mergeInstructions } from "./merge-capabilities";
import { DEFAULT_SEPARATOR } from "./names";
import { loopbackPipe } from "./server-pipe";
import { ServerProfiles } from "./server-profiles";
import { StatelessAggregate } from "./stateless-aggregate";

type OpenSession = {
  session: AggregateSession;
  tokenHash: string;
  /** Requests and streams of the client open now; a session with one is never idle. */
  active: number;
  lastSeenMs: number;
};

export type AggregateEndpointDeps = {
  cache: GatewayCache;
  db: Db;
  logger: Logger;
  maxBodyBytes: number;
  clock: { now(): number };
  /** `<server-slug><separator><tool>` (default "__"). */
  separator?: string;
};

/** The tenant URL `/<tenant>/mcp`: one MCP session per client, aggregating every server of its grant. */
export class AggregateEndpoint {
  private readonly sessions = new Map<string, OpenSession>();
  /** What each server declared when last connected, for merged capabilities without connecting. */
  private readonly profiles = new ServerProfiles();
  private readonly stateless: StatelessAggregate;

  constructor(private readonly deps: AggregateEndpointDeps) {
    this.stateless = new StatelessAggregate({
      logger: deps.logger,
      profiles: this.profiles,
      separator: deps.separator,
    });
  }

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    request: { tenantSlug: string; token: string | undefined; nowMs: number },
  ): Promise<void> {
    const sessionId = req.headers["mcp-session-id"];
    const raw = req.method === "POST" ? await readBody(req, this.deps.maxBodyBytes) : undefined;
    const body = raw === undefined ? undefined : parseJson(raw);
    if (typeof sessionId === "string") {
      const entry = await this.existing(sessionId, request);
      entry.active += 1;
      res.once("close", () => {
        entry.active -= 1;
        entry.lastSeenMs = this.deps.clock.now();
      });
      await entry.session.transport.handleRequest(req, res, body);
      return;
    }
    if (req.method !== "POST") {
      throw new GatewayError("bad_request", "Bad request: start a session with an initialize POST first.");
    }
    const auth = await authenticateTenant(this.deps.cache, this.deps.db, request);
    if (raw !== undefined && isStateless(req, body)) {
      await this.answerStateless(req, res, raw, auth);
      return;
    }
    const servers = await grantServers(this.deps.db, auth.grant);
    const serverSlugs = servers.map((server) => server.slug);
    // Only an initialize is answered by a new session; anything else is refused by its transport.
    const profiles = !isInitialize(body)
      ? []
      : await learnProfiles(
          {
            tenantId: auth.grant.tenantId,
            tenantSlug: request.tenantSlug,
            token: auth.token,
            serverSlugs,
            selfUrl: selfUrl(req),
            clientCapabilities: initializeCapabilities(body),
          },
          this.profiles,
          this.deps.logger,
        );
    const session = new AggregateSession({
      tenantId: auth.grant.tenantId,
      tenantSlug: request.tenantSlug,
      grantId: auth.grant.id,
      token: auth.token,
      serverSlugs,
      toolPrefixes: new Map(servers.map((server) => [server.slug, server.toolPrefix])),
      selfUrl: selfUrl(req),
      separator: this.deps.separator,
      capabilities: mergeCapabilities(profiles),
      instructions: mergeInstructions(profiles, this.deps.separator ?? DEFAULT_SEPARATOR),
      logger: this.deps.logger,
      onClosed: (id) => this.sessions.delete(id),
    });
    await session.start();
    await session.transport.handleRequest(req, res, body);
    const created = session.transport.sessionId;
    if (created === undefined) await session.close();
    else {
      const lastSeenMs = this.deps.clock.now();
      this.sessions.set(created, { session, tokenHash: hashToken(auth.token), active: 0, lastSeenMs });
    }
  }

  /** A 2026-07-28 request: answered on its own, without a session. */
  private async answerStateless(
    req: IncomingMessage,
    res: ServerResponse,
    raw: Buffer,
    auth: TenantAuth,
  ): Promise<void> {
    // Parsed again strictly (duplicate keys, depth), as the per-server URLs parse what they forward.
    const parsed = parseMessage(raw);
    if (parsed.kind !== "single") {
      throw new GatewayError("unsupported_batch", "JSON-RPC batches are not part of the stateless wire.");
    }
    const { message } = parsed;
    const servers = await grantServers(this.deps.db, auth.grant);
    try {
      await this.stateless.answer(
        {
          tenantId: auth.grant.tenantId,
          tenantSlug: auth.tenantSlug,
          grantId: auth.grant.id,
          token: auth.token,
          serverSlugs: servers.map((server) => server.slug),
          toolPrefixes: new Map(servers.map((server) => [server.slug, server.toolPrefix])),
          headers: req.headers,
          message,
          pipe: loopbackPipe(selfUrl(req), auth.tenantSlug),
        },
        res,
      );
    } catch (error) {
      sendError(res, error, this.deps.logger, requestIdOf(message) ?? null);
    }
  }

  /** Sessions open now (for tests and health). */
  size(): number {
    return this.sessions.size;
  }

  /** Ends sessions with no open request or stream for `idleMs`, and their upstream sessions; returns how many. */
  sweep(idleMs: number): number {
    const nowMs = this.deps.clock.now();
    let ended = 0;
    for (const [id, entry] of this.sessions) {
      if (entry.active > 0 || nowMs - entry.lastSeenMs < idleMs) continue;
      this.sessions.delete(id);
      void entry.session.transport.close();
      ended += 1;
    }
    return ended;
  }

  async close(): Promise<void> {
    const open = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(open.map(({ session }) => session.transport.close()));
  }

  /** The session of this id, if the token is the one that opened it and its grant is still valid. */
  private async existing(
    sessionId: string,
    request: { token: string | undefined; nowMs: number },
  ): Promise<OpenSession> {
    const entry = this.sessions.get(sessionId);
    const tokenHash = request.token === undefined ? undefined : hashToken(request.token);
    if (entry === undefined || tokenHash !== entry.tokenHash) {
      throw new GatewayError("unknown_session", "Session not found: start a new session with initialize.");
    }
    const grant = await this.deps.cache.grant(entry.tokenHash);
    if (grant === null || !grantValid(grant, entry.session.tenantId, request.nowMs)) {
      await entry.session.transport.close();
      throw new GatewayError(
        "unauthorized",
        "Unauthorized: the grant of this session was revoked or has expired.",
      );
    }
    return entry;
  }
}

/** A single JSON-RPC message on the 2026-07-28 wire (by its `_meta` version or MCP-Protocol-Version header). */
function isStateless(req: IncomingMessage, body: unknown): body is JsonRpcMessage {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  return protocolRevision(req.headers, body as JsonRpcMessage) === "stateless";
}

function isInitialize(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { method?: unknown }).method === "initialize";
}

/** The capabilities an `initialize` body declares for the client. */
function initializeCapabilities(body: unknown): ClientCapabilities {
  const capabilities = (body as { params?: { capabilities?: unknown } }).params?.capabilities;
  return typeof capabilities === "object" && capabilities !== null
    ? (capabilities as ClientCapabilities)
    : {};
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new GatewayError("parse_error", "Parse error: the body is not valid JSON.");
  }
}

/** Where this gateway answers, as the client reached it: the upstream links call back to it. */
function selfUrl(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? "127.0.0.1";
  const host = address.includes(":") ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}
