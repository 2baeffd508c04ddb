import { createDb, installationNamespace, listenForChanges } from "@toolgate/db";
import { parseSecretKeys } from "@toolgate/secrets";
import { startWebhookWorker, WebhookPublisher, type WebhookTransport } from "@toolgate/webhooks";
import { BullmqCallLogSink } from "./call-log/bullmq-call-log-sink";
import { startCallLogWorker } from "./call-log/call-log-worker";
import { otlpTracesUrl, parseEnv } from "./env";
import { createGateway } from "./gateway";
import { createLogger } from "./logger";
import { GatewayMetrics } from "./metrics/gateway-metrics";
import { openCallLogQueue, openLimits, runtimeMode } from "./runtime/runtime";
import { createOtelTracing } from "./tracing/otel-tracing";

const env = parseEnv(process.env);
const logger = createLogger(env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL);
const mode = runtimeMode(env);
const metrics = new GatewayMetrics({
  tenantLabels: env.TOOLGATE_METRICS_TENANT_LABELS,
  processMetrics: true,
});
const limits = await openLimits(env, logger, (result, ms) => metrics.recordLimiterRoundTrip(result, ms));
const queue = openCallLogQueue(env);
const callLogSink = new BullmqCallLogSink({
  transport: queue.transport,
  logger,
  queueName: queue.queueName,
  flushIntervalMs: env.TOOLGATE_CALL_LOG_FLUSH_MS,
  maxBatch: 1_000,
});
const worker = env.TOOLGATE_RUN_LOG_WORKER
  ? startCallLogWorker({ transport: queue.transport, db, logger, queueName: queue.queueName })
  : undefined;

// Webhooks ride the same transport as call logs: Redis, a Redis Cluster (hash-tagged prefix), or Postgres
// in single-node mode.
const webhookTransport: WebhookTransport = queue.transport;
const webhookQueue =
  env.TOOLGATE_WEBHOOK_QUEUE ?? `webhooks-${installationNamespace(env.DATABASE_URL, env.TOOLGATE_NAMESPACE)}`;
const webhooks = new WebhookPublisher({ transport: webhookTransport, logger, queueName: webhookQueue });
const webhookWorker = env.TOOLGATE_RUN_WEBHOOK_WORKER
  ? startWebhookWorker({
      db,
      transport: webhookTransport,
      queueName: webhookQueue,
      secretKey: parseSecretKeys(env.TOOLGATE_SECRET_KEY),
      logger,
      // Webhook URLs follow the same address rules as upstream servers.
      allowPrivateAddresses: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
    })
  : undefined;

const tracesUrl = otlpTracesUrl(env);
const tracing =
  tracesUrl === undefined ? undefined : createOtelTracing({ tracesUrl, serviceName: env.OTEL_SERVICE_NAME });

const gateway = createGateway({
  db,
  mode,
  rateLimiter: limits.rateLimiter,
  callLogSink,
  clock: { now: () => Date.now() },
  logger,
  secretKey: parseSecretKeys(env.TOOLGATE_SECRET_KEY),
  allowPrivateUpstreams: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
  allowedOrigins: env.TOOLGATE_ALLOWED_ORIGINS,
  allowedHosts: [
    ...(env.TOOLGATE_GATEWAY_URL === undefined ? [] : [new URL(env.TOOLGATE_GATEWAY_URL).hostname]),
    ...env.TOOLGATE_ALLOWED_HOSTS,
  ],
  oauth:
    env.TOOLGATE_DASHBOARD_URL === undefined
      ? undefined
      : { dashboardUrl: env.TOOLGATE_DASHBOARD_URL, gatewayUrl: env.TOOLGATE_GATEWAY_URL },
  maxInFlightPerTenant: env.TOOLGATE_MAX_INFLIGHT_PER_TENANT,
  cacheStaleMaxMs: env.TOOLGATE_CACHE_STALE_MAX_S * 1000,
  cacheTtlMs: env.TOOLGATE_CACHE_TTL_S * 1000,
  cacheMaxEntries: env.TOOLGATE_CACHE_MAX_ENTRIES,
  maxStreamsPerTenant: env.TOOLGATE_MAX_STREAMS_PER_TENANT,
  maxHeldApprovalsPerTenant: env.TOOLGATE_MAX_HELD_APPROVALS_PER_TENANT,
  streamIdleMs: env.TOOLGATE_STREAM_IDLE_S * 1000,
  maxWaitingPerTenant: env.TOOLGATE_MAX_WAITING_PER_TENANT,
  listenBacklog: env.TOOLGATE_LISTEN_BACKLOG,
  allowStdio: env.TOOLGATE_ALLOW_STDIO,
  maxStdioProcesses: env.TOOLGATE_MAX_STDIO_PROCESSES,
  approvalKeepAliveMs: env.TOOLGATE_APPROVAL_KEEPALIVE_MS,
  metrics,
  metricsToken: env.TOOLGATE_METRICS_TOKEN,
  events: webhooks,
  dashboardUrl: env.TOOLGATE_DASHBOARD_URL,
  tracing,
  subscribeToChanges: ({ onEvent, onReconnect }) =>
    listenForChanges(env.DATABASE_URL, onEvent, {
      onReconnect,
      onError: (error) => logger.warn({ err: error }, "change notifications"),
      applicationName: "toolgate-gateway",
    }),
});

const url = await gateway.listen(env.PORT, env.HOST);
if (env.TOOLGATE_METRICS_PORT !== undefined) {
  const metricsUrl = await gateway.listenMetrics(env.TOOLGATE_METRICS_PORT, env.TOOLGATE_METRICS_HOST);
  logger.info({ url: `${metricsUrl}/metrics` }, "metrics listening");
}
// `url` last: tests and benches find it right before the message.
logger.info({ mode, callLogQueue: queue.queueName, webhookQueue, url }, "gateway listening");

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, "shutting down");
  await gateway.close();
  await callLogSink.close();
  await worker?.close();
  await webhooks.close();
  await webhookWorker?.close();
  await tracing?.shutdown();
  await queue.close();
  limits.close();
  await db.$disconnect();
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
