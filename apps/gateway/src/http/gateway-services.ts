import type { Logger } from "pino";
import type { AggregateEndpoint } from "../aggregate/aggregate-endpoint";
import type { ApprovalGate } from "../approvals/approval-gate";
import type { ApprovalQuestions } from "../approvals/approval-question";
import type { OAuthVerifier } from "../auth/oauth-verifier";
import type { GatewayCache } from "../cache/gateway-cache";
import type { StoreHealth } from "../cache/store-health";
import type { CallLogHealthReader } from "../call-log/call-log-health-reader";
import type { CallLogSink } from "../call-log/call-log-sink";
import type { GatewayMetrics } from "../metrics/gateway-metrics";
import type { PinRegistry } from "../pinning/pin-registry";
import type { SessionClients } from "../protocol/client-capabilities";
import type { RateLimiter } from "../rate-limit/rate-limiter";
import type { BridgeRegistry } from "../relay/bridge-registry";
import type { RuntimeMode } from "../runtime/runtime";
import type { TenantConcurrency } from "../safety/tenant-concurrency";
import type { Tracing } from "../tracing/tracing";
import type { SessionBinding } from "../upstream/session-binding";
import type { SessionReaper } from "../upstream/session-reaper";
import type { UpstreamPools } from "../upstream/upstream-pools";
import type { EventPublisher } from "../webhooks/event-publisher";

/** Wall-clock time in ms; injected so tests can pin rate-limit windows. */
export type Clock = { now(): number };

/** Everything a request handler uses, built once per gateway. */
export type GatewayServices = {
  cache: GatewayCache;
  /** The tenant URL `/<tenant>/mcp`, aggregating every server of a grant (aggregate/). */
  aggregate: AggregateEndpoint;
  /** OAuth access tokens and the 401 challenge (auth/); null when no dashboard URL is configured. */
  oauth: OAuthVerifier | null;
  /** Whether Postgres answers; while it does not, caches serve stale entries (cache/store-health.ts). */
  storeHealth: StoreHealth;
  /** Holds require_approval calls until a human decides (approvals/). */
  approvals: ApprovalGate;
  /** Tool-definition pinning: quarantines tools whose definition changed since review (pinning/). */
  pins: PinRegistry;
  mode: RuntimeMode;
  limiter: RateLimiter;
  sink: CallLogSink;
  /** Webhook events (call.denied, call.rate_limited…); publishing never blocks. */
  events: EventPublisher;
  /** Prometheus metrics; recording is synchronous and cheap. */
  metrics: GatewayMetrics;
  /** OpenTelemetry spans per request and upstream call; NO_TRACING unless configured. */
  tracing: Tracing;
  /** TOOLGATE_METRICS_TOKEN: when set, /metrics on the gateway's own port answers to this bearer token. */
  metricsToken: string | undefined;
  /** Dead-lettered and failed call-log counts for /healthz. */
  callLogHealth: CallLogHealthReader;
  clock: Clock;
  logger: Logger;
  pools: UpstreamPools;
  binding: SessionBinding;
  reaper: SessionReaper;
  concurrency: TenantConcurrency;
  /** Open GET streams per tenant, capped apart from requests (fair share). */
  streams: TenantConcurrency;
  /** Calls per tenant held for approval, capped apart from requests (fair share). */
  heldApprovals: TenantConcurrency;
  /** A GET stream with no bytes from the upstream for this long is closed (the client reconnects). */
  streamIdleMs: number;
  /** Client sessions relayed to legacy SSE and stdio upstreams. */
  bridges: BridgeRegistry;
  /** In-band approval questions (approval "by": "user") and the answers to them. */
  questions: ApprovalQuestions;
  /** What each session's client declared at initialize (can it be asked?). */
  sessionClients: SessionClients;
  /** How often a held call sends keep-alive progress to a client that gave a progress token. */
  approvalKeepAliveMs: number;
  maxBodyBytes: number;
  upstreamHeadersTimeoutMs: number;
  upstreamBodyTimeoutMs: number;
};
