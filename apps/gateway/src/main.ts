import { createDb, listenForChanges } from "@toolgate/db";
import { parseSecretKey } from "@toolgate/secrets";
import { startWebhookWorker, WebhookPublisher } from "@toolgate/webhooks";
import { BullmqCallLogSink } from "./call-log/bullmq-call-log-sink";
import { startCallLogWorker } from "./call-log/call-log-worker";
import { otlpTracesUrl, parseEnv } from "./env";
import { createGateway } from "./gateway";
import { createLogger } from "./logger";
import { GatewayMetrics } from "./metrics/gateway-metrics";
import { createLimiterRedis } from "./rate-limit/create-limiter-redis";
import { RedisRateLimiter } from "./rate-limit/redis-rate-limiter";
import { createOtelTracing } from "./tracing/otel-tracing";

const env = parseEnv(process.env);
const logger = createLogger(env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL);
const redis = await createLimiterRedis(env.REDIS_URL, logger);
const metrics = new GatewayMetrics({
  tenantLabels: env.TOOLGATE_METRICS_TENANT_LABELS,
  processMetrics: true,
});
const callLogSink = new BullmqCallLogSink({
  redisUrl: env.REDIS_URL,
  logger,
  queueName: env.TOOLGATE_CALL_LOG_QUEUE,
});
const worker = env.TOOLGATE_RUN_LOG_WORKER
  ? startCallLogWorker({ redisUrl: env.REDIS_URL, db, logger, queueName: env.TOOLGATE_CALL_LOG_QUEUE })
  : undefined;

const webhookConnection = { url: env.REDIS_URL };
const webhooks = new WebhookPublisher({
  connection: webhookConnection,
  logger,
  queueName: env.TOOLGATE_WEBHOOK_QUEUE,
});
const webhookWorker = env.TOOLGATE_RUN_WEBHOOK_WORKER
  ? startWebhookWorker({
      db,
      connection: webhookConnection,
      queueName: env.TOOLGATE_WEBHOOK_QUEUE,
      secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
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
  rateLimiter: new RedisRateLimiter(redis, {
    logger,
    observer: (result, ms) => metrics.recordLimiterRoundTrip(result, ms),
  }),
  metrics,
  metricsToken: env.TOOLGATE_METRICS_TOKEN,
  events: webhooks,
  dashboardUrl: env.TOOLGATE_DASHBOARD_URL,
  tracing,
  callLogSink,
  clock: { now: () => Date.now() },
  logger,
  secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
  allowPrivateUpstreams: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
  allowedOrigins: env.TOOLGATE_ALLOWED_ORIGINS,
  maxInFlightPerTenant: env.TOOLGATE_MAX_INFLIGHT_PER_TENANT,
  allowStdio: env.TOOLGATE_ALLOW_STDIO,
  maxStdioProcesses: env.TOOLGATE_MAX_STDIO_PROCESSES,
  subscribeToChanges: ({ onEvent, onReconnect }) =>
    listenForChanges(env.DATABASE_URL, onEvent, {
      onReconnect,
      onError: (error) => logger.warn({ err: error }, "change notifications"),
      applicationName: "toolgate-gateway",
    }),
});

const url = await gateway.listen(env.PORT, env.HOST);
logger.info({ url }, "gateway listening");
if (env.TOOLGATE_METRICS_PORT !== undefined) {
  const metricsUrl = await gateway.listenMetrics(env.TOOLGATE_METRICS_PORT, env.TOOLGATE_METRICS_HOST);
  logger.info({ url: `${metricsUrl}/metrics` }, "metrics listening");
}

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, "shutting down");
  await gateway.close();
  await callLogSink.close();
  await worker?.close();
  await webhooks.close();
  await webhookWorker?.close();
  await tracing?.shutdown();
  redis.disconnect();
  await db.$disconnect();
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
