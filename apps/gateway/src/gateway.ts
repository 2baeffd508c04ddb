import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChangeEvent, Db } from "@toolgate/db";
import { currentKey, type SecretKeyInput } from "@toolgate/secrets";
import { createGuardedFetch } from "@toolgate/upstream";
import type { Logger } from "pino";
import { AggregateEndpoint } from "./aggregate/aggregate-endpoint";
import { ApprovalGate } from "./approvals/approval-gate";
import { ApprovalQuestions } from "./approvals/approval-question";
import { ApprovalStore } from "./approvals/approval-store";
import { ApprovalWaiters } from "./approvals/approval-waiters";
import { type OAuthConfig, OAuthVerifier } from "./auth/oauth-verifier";
import { GatewayCache } from "./cache/gateway-cache";
import { StoreHealth } from "./cache/store-health";
import { CallLogHealthReader } from "./call-log/call-log-health-reader";
import type { CallLogSink } from "./call-log/call-log-sink";
import type { Clock, GatewayServices } from "./http/gateway-services";
import { handleRequest, type RequestGuards } from "./http/handle-request";
import { hostAllowList } from "./http/host-allow-list";
import { firstPathSegment } from "./http/mcp-path";
import { sendError } from "./http/send";
import { tenantQueueFull } from "./http/tenant-busy";
import { GatewayMetrics } from "./metrics/gateway-metrics";
import { serveMetrics } from "./metrics/serve-metrics";
import { PinRegistry } from "./pinning/pin-registry";
import { SessionClients } from "./protocol/client-capabilities";
import type { RateLimiter } from "./rate-limit/rate-limiter";
import { BridgeRegistry } from "./relay/bridge-registry";
import type { RuntimeMode } from "./runtime/runtime";
import { FairTurns } from "./safety/fair-turns";
import { TenantConcurrency } from "./safety/tenant-concurrency";
import { NO_TRACING, type Tracing } from "./tracing/tracing";
import { SessionBinding } from "./upstream/session-binding";
import { SessionReaper } from "./upstream/session-reaper";
import { terminateSession } from "./upstream/terminate-session";
import { UpstreamPools } from "./upstream/upstream-pools";
import { type EventPublisher, NO_EVENTS } from "./webhooks/event-publisher";
import { approvalRequestedEvent, toolQuarantinedEvent } from "./webhooks/gateway-events";

/** A source of change notifications; after a reconnect events may have been missed, so caches are dropped. */
export type ChangeSubscription = (listener: {
  onEvent: (event: ChangeEvent) => void;
  onReconnect: () => void;
}) => Promise<{ close(): Promise<void> }>;

/** What the gateway is built from; tests pass their own clock, limiter and sink. */
export type GatewayDeps = {
  db: Db;
  /** Shown on /healthz; "single-node" means no Redis (default "redis"). */
  mode?: RuntimeMode;
  rateLimiter: RateLimiter;
  callLogSink: CallLogSink;
  clock: Clock;
  logger: Logger;
  /** TOOLGATE_SECRET_KEY (new key first while rotating): opens stored upstream headers and keys session binding. */
  secretKey: SecretKeyInput;
  /** TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: let servers live on private/loopback addresses (self-hosted, dev). */
  allowPrivateUpstreams: boolean;
  /** OAuth sign-in: the dashboard that is each tenant's authorization server; absent = grant tokens only. */
  oauth?: OAuthConfig;
  /** Browser origins allowed to call the gateway; requests from any other Origin get 403. */
  allowedOrigins: readonly string[];
  /** Host names the gateway is reached by (its public URL's); the localhost names are added when bound to loopback. */
  allowedHosts?: readonly string[];
  /** Postgres change notifications that keep the caches fresh (db's listenForChanges). */
  subscribeToChanges?: ChangeSubscription;
  maxBodyBytes?: number;
  /** TOOLGATE_AGGREGATE_SEPARATOR: between server slug and tool name on the tenant URL (default "__"). */
  aggregateSeparator?: string;
  upstreamHeadersTimeoutMs?: number;
  upstreamBodyTimeoutMs?: number;
  cacheTtlMs?: number;
  /** Entries per cache (servers, grants, policies, pins): TOOLGATE_CACHE_MAX_ENTRIES; 10,000 when unset. */
  cacheMaxEntries?: number;
  /** How long cached tenants, grants and policies keep serving past their TTL while Postgres is unreachable (default 15 min). */
  cacheStaleMaxMs?: number;
  /** Upstream sessions with no request or open stream for this long are ended by the gateway (default 10 min). */
  sessionIdleMs?: number;
  /** Requests one tenant may have in flight to its upstreams at once (default 64); more get 429. */
  maxInFlightPerTenant?: number;
  /** GET streams one tenant may hold open at once (default 64); more get 429. */
  maxStreamsPerTenant?: number;
  /** Calls of one tenant held for approval at once (default 100); more are denied. */
  maxHeldApprovalsPerTenant?: number;
  /** A GET stream with nothing from the upstream for this long is closed (default 5 min). */
  streamIdleMs?: number;
  /** Requests of one tenant waiting for a turn (FairTurns) at once (default 1,024); more get 429. */
  maxWaitingPerTenant?: number;
  /** Connections the kernel queues until the gateway accepts them (default 4,096, capped by somaxconn). */
  listenBacklog?: number;
  /** TOOLGATE_ALLOW_STDIO: servers may be local processes (self-hosted only; never in SaaS). */
  allowStdio?: boolean;
  /** TOOLGATE_MAX_STDIO_PROCESSES: stdio server processes alive at once (default 20). */
  maxStdioProcesses?: number;
  /** How often a call held for approval re-reads it in case a notification was missed (default 2 s). */
  approvalPollMs?: number;
  /** Prometheus metrics; pass one to share it with the rate limiter's observer (default: a fresh one). */
  metrics?: GatewayMetrics;
  /** TOOLGATE_METRICS_TOKEN: bearer token for /metrics; with it, the gateway's own port serves /metrics too. */
  metricsToken?: string;
  /** Webhook events (a WebhookPublisher); none by default. */
  events?: EventPublisher;
  /** TOOLGATE_DASHBOARD_URL: the dashboard's public URL, for approve/deny links in approval.requested events. */
  dashboardUrl?: string;
  /** OpenTelemetry tracing (createOtelTracing); off by default. */
  tracing?: Tracing;
  /** How often a held call sends keep-alive progress to a client that gave a progress token (default 15 s). */
  approvalKeepAliveMs?: number;
};

export type Gateway = {
  server: Server;
  cache: GatewayCache;
  /** The tenant URLs' sessions. */
  aggregate: AggregateEndpoint;
  /** Starts listening (port 0 for an ephemeral one) and returns the base URL. */
  listen(port: number, host: string): Promise<string>;
  metrics: GatewayMetrics;
  /** Serves /metrics on a listener of its own (TOOLGATE_METRICS_PORT) and returns its base URL. */
  listenMetrics(port: number, host: string): Promise<string>;
  /** stdio server processes running now (one per bridged client session). */
  stdioProcesses(): number;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 4 * 1024 * 1024;

// Slow or idle clients cannot hold sockets: headers within 15 s, a whole request body within 60 s,
// idle keep-alive sockets closed after 65 s (above common client and load-balancer idle timeouts).
// Responses (SSE streams) are not limited by these.
const SERVER_TIMEOUTS = { headersTimeout: 15_000, requestTimeout: 60_000, keepAliveTimeout: 65_000 };

// Requests keep one pass of the event loop busy for at most ~5 ms before the rest wait their tenant's
// turn (bench/noisy-neighbour.ts measures a burst of 1,000 against a quiet tenant's calls).
const FAIR_TURNS = { sliceMs: 5, startsPerTurn: 8 };

/** Builds the gateway's HTTP server from injected dependencies. */
export function createGateway(deps: GatewayDeps): Gateway {
  const pools = new UpstreamPools({ allowPrivateAddresses: deps.allowPrivateUpstreams });
  const guardedFetch = createGuardedFetch({ allowPrivateAddresses: deps.allowPrivateUpstreams });
  const bridges = new BridgeRegistry({
    guardedFetch,
    maxStdioProcesses: deps.maxStdioProcesses ?? 20,
    logger: deps.logger,
  });
  const sessionIdleMs = deps.sessionIdleMs ?? 10 * 60_000;
  const reaper = new SessionReaper(sessionIdleMs, deps.clock, async (target, upstreamId) => {
    if (!(await bridges.close(upstreamId))) await terminateSession(pools, deps.logger, target, upstreamId);
  });
  const storeHealth = new StoreHealth(deps.logger);
  const cache = new GatewayCache({
    health: storeHealth,
    staleMaxMs: deps.cacheStaleMaxMs,
    db: deps.db,
    secretKey: deps.secretKey,
    addressPolicy: { allowPrivateAddresses: deps.allowPrivateUpstreams },
    allowStdio: deps.allowStdio ?? false,
    logger: deps.logger,
    ttlMs: deps.cacheTtlMs,
    max: deps.cacheMaxEntries,
  });
  const approvalWaiters = new ApprovalWaiters();
  const events = deps.events ?? NO_EVENTS;
  const pins = new PinRegistry(
    deps.db,
    deps.logger,
    {
      health: storeHealth,
      ttlMs: deps.cacheTtlMs,
      staleMaxMs: deps.cacheStaleMaxMs,
      max: deps.cacheMaxEntries,
    },
    (site, change) => {
      if (change.kind !== "quarantined") return;
      const tool = { id: change.entry.id, name: change.tool.name, from: change.entry.hash, to: change.hash };
      events.publish(site.tenantId, toolQuarantinedEvent(site, tool));
    },
  );
  const concurrency = new TenantConcurrency(deps.maxInFlightPerTenant ?? 64);
  const metrics = deps.metrics ?? new GatewayMetrics();
  metrics.bind({
    limiterHealth: () => deps.rateLimiter.health(),
    postgresUp: () => probePostgres(deps.db),
    cacheLookups: () => cache.lookups(),
    inFlight: () => concurrency.entries(),
    callLogQueue: async () => (await deps.callLogSink.queueStats?.()) ?? null,
    droppedCallLogs: async () => (await deps.callLogSink.health?.())?.unqueued ?? 0,
  });
  const maxBodyBytes = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  const aggregate = new AggregateEndpoint({
    cache,
    db: deps.db,
    logger: deps.logger,
    maxBodyBytes,
    clock: deps.clock,
    separator: deps.aggregateSeparator,
  });
  const services: GatewayServices = {
    cache,
    oauth: deps.oauth === undefined ? null : new OAuthVerifier(currentKey(deps.secretKey), deps.oauth),
    storeHealth,
    aggregate,
    approvals: new ApprovalGate({
      store: new ApprovalStore(deps.db),
      waiters: approvalWaiters,
      logger: deps.logger,
      pollMs: deps.approvalPollMs,
      onRequested: (approval, request) =>
        events.publish(
          approval.tenantId,
          approvalRequestedEvent(approval, request.labels, deps.dashboardUrl),
        ),
    }),
    pins,
    mode: deps.mode ?? "redis",
    limiter: deps.rateLimiter,
    sink: deps.callLogSink,
    events,
    tracing: deps.tracing ?? NO_TRACING,
    metrics,
    metricsToken: deps.metricsToken,
    callLogHealth: new CallLogHealthReader(deps.db, deps.callLogSink),
    clock: deps.clock,
    logger: deps.logger,
    pools,
    binding: new SessionBinding(deps.secretKey),
    reaper,
    concurrency,
    streams: new TenantConcurrency(deps.maxStreamsPerTenant ?? 64),
    heldApprovals: new TenantConcurrency(deps.maxHeldApprovalsPerTenant ?? 100),
    streamIdleMs: deps.streamIdleMs ?? 5 * 60_000,
    bridges,
    questions: new ApprovalQuestions(currentKey(deps.secretKey)),
    sessionClients: new SessionClients(),
    approvalKeepAliveMs: deps.approvalKeepAliveMs ?? 15_000,
    maxBodyBytes,
    upstreamHeadersTimeoutMs: deps.upstreamHeadersTimeoutMs ?? 60_000,
    upstreamBodyTimeoutMs: deps.upstreamBodyTimeoutMs ?? 300_000,
  };
  const guards: RequestGuards = { allowedOrigins: new Set(deps.allowedOrigins), allowedHosts: null };
  const turns = new FairTurns({ ...FAIR_TURNS, maxWaitingPerTenant: deps.maxWaitingPerTenant ?? 1_024 });
  const server = createServer(SERVER_TIMEOUTS, (req, res) => {
    const entered = turns.enter(firstPathSegment(req.url), () => {
      // A client that gave up while its request waited gets nothing: no work is done for it.
      if (req.socket.destroyed) return;
      handleRequest(services, guards, req, res).catch((error: unknown) => {
        sendError(res, error, deps.logger);
      });
    });
    if (!entered) sendError(res, tenantQueueFull(turns.maxWaitingPerTenant), deps.logger);
  });
  const metricsServer = createServer(SERVER_TIMEOUTS, (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pathname !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Metrics are at /metrics.\n");
      return;
    }
    serveMetrics(metrics, deps.metricsToken, req, res).catch((error: unknown) =>
      sendError(res, error, deps.logger),
    );
  });
  let subscription: { close(): Promise<void> } | undefined;
  const sweeper = setInterval(
    () => {
      reaper.sweep();
      aggregate.sweep(sessionIdleMs);
    },
    Math.min(sessionIdleMs / 2, 60_000),
  );
  sweeper.unref();

  return {
    server,
    cache,
    aggregate,
    async listen(port, host) {
      guards.allowedHosts = hostAllowList(deps.allowedHosts ?? [], host);
      if (guards.allowedHosts === null) {
        deps.logger.warn(
          { host },
          "Host headers are not checked: set TOOLGATE_GATEWAY_URL (or TOOLGATE_ALLOWED_HOSTS) to the gateway's public address",
        );
      }
      if (deps.subscribeToChanges !== undefined) {
        subscription = await deps.subscribeToChanges({
          onEvent: (event) => {
            if (event.kind === "approval") return approvalWaiters.notify(event.approvalId);
            cache.apply(event);
            pins.apply(event);
          },
          onReconnect: () => {
            cache.expireAll();
            pins.expireAll();
            approvalWaiters.notifyAll();
          },
        });
      }
      return listening(server, port, host, deps.listenBacklog ?? 4_096);
    },
    metrics,
    listenMetrics: (port, host) => listening(metricsServer, port, host),
    stdioProcesses: () => bridges.stdioProcesses,
    async close() {
      clearInterval(sweeper);
      await subscription?.close();
      await aggregate.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (metricsServer.listening) {
        metricsServer.closeAllConnections();
        await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      }
      await bridges.closeAll();
      await pools.close();
      await guardedFetch.close();
    },
  };
}

async function listening(server: Server, port: number, host: string, backlog?: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host, backlog }, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return `http://${host.includes(":") ? `[${host}]` : host}:${bound}`;
}

// Scrape-time health probe: a trivial query with a short deadline.
async function probePostgres(db: Db): Promise<boolean> {
  const deadline = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000).unref());
  const probe = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  return Promise.race([probe, deadline]);
}
