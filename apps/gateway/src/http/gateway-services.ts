import type { Logger } from "pino";
import type { ApprovalGate } from "../approvals/approval-gate";
import type { ApprovalQuestions } from "../approvals/approval-question";
import type { GatewayCache } from "../cache/gateway-cache";
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
  clock: Clock;
  logger: Logger;
  pools: UpstreamPools;
  binding: SessionBinding;
  reaper: SessionReaper;
  concurrency: TenantConcurrency;
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
