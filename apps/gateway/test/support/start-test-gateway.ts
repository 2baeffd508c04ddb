import { randomUUID } from "node:crypto";
import { type Db, listenForChanges } from "@toolgate/db";
import { startWebhookWorker, WebhookPublisher, type WebhookWorker } from "@toolgate/webhooks";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { OAuthConfig } from "../../src/auth/oauth-verifier";
import { BullmqCallLogSink } from "../../src/call-log/bullmq-call-log-sink";
import { startCallLogWorker } from "../../src/call-log/call-log-worker";
import { createGateway, type Gateway } from "../../src/gateway";
import type { Clock } from "../../src/http/gateway-services";
import { createLogger } from "../../src/logger";
import { GatewayMetrics } from "../../src/metrics/gateway-metrics";
import { RedisRateLimiter } from "../../src/rate-limit/redis-rate-limiter";
import type { Tracing } from "../../src/tracing/tracing";
import { testEnv } from "./test-env";

export type TestGateway = {
  url: string;
  gateway: Gateway;
  /** Every line the gateway logged (debug level), to check what never appears in logs. */
  logLines: string[];
  close(): Promise<void>;
};

/** A gateway on an ephemeral port with the real Redis limiter, BullMQ call logs and change notifications. */
export async function startTestGateway(
  db: Db,
  options: {
    clock?: Clock;
    allowedOrigins?: string[];
    allowedHosts?: string[];
    host?: string;
    maxBodyBytes?: number;
    runLogWorker?: boolean;
    sessionIdleMs?: number;
    allowPrivateUpstreams?: boolean;
    maxInFlightPerTenant?: number;
    allowStdio?: boolean;
    maxStdioProcesses?: number;
    metricsToken?: string;
    /** Publish webhook events and run a webhook worker on a queue of its own; links use this dashboard URL. */
    webhooks?: { dashboardUrl: string };
    tracing?: Tracing;
    cacheTtlMs?: number;
    cacheStaleMaxMs?: number;
    maxStreamsPerTenant?: number;
    maxHeldApprovalsPerTenant?: number;
    streamIdleMs?: number;
    maxWaitingPerTenant?: number;
    /** Where change notifications are listened for (default: the test database). */
    listenUrl?: string;
    approvalKeepAliveMs?: number;
    oauth?: OAuthConfig;
  } = {},
): Promise<TestGateway> {
  const logLines: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logLines.push(line) });
  const redis = new Redis(testEnv.redisUrl);
  // A queue of its own: a worker of another gateway on the same Redis (a dev server, another test)
  // must not take these records into another database.
  const queueName = `call-logs-test-${randomUUID()}`;
  const callLogSink = new BullmqCallLogSink({ redisUrl: testEnv.redisUrl, logger, queueName });
  const worker = options.runLogWorker
    ? startCallLogWorker({ redisUrl: testEnv.redisUrl, db, logger, queueName })
    : undefined;
  const metrics = new GatewayMetrics();
  const webhookQueue = `webhooks-test-${randomUUID()}`;
  const connection = { url: testEnv.redisUrl };
  const transport = { kind: "redis", url: testEnv.redisUrl } as const;
  const webhooks =
    options.webhooks === undefined
      ? undefined
      : new WebhookPublisher({ transport, logger, queueName: webhookQueue, flushIntervalMs: 10 });
  const webhookWorker: WebhookWorker | undefined =
    options.webhooks === undefined
      ? undefined
      : startWebhookWorker({
          db,
          transport,
          queueName: webhookQueue,
          secretKey: testEnv.secretKey,
          logger,
          allowPrivateAddresses: true,
          attempts: 3,
          retryDelayMs: 50,
        });
  const gateway = createGateway({
    db,
    rateLimiter: new RedisRateLimiter(redis, {
      // Tests load the machine: no call should fail closed for a slow answer here.
      timeoutMs: 10_000,
      observer: (result, ms) => metrics.recordLimiterRoundTrip(result, ms),
    }),
    metrics,
    metricsToken: options.metricsToken,
    events: webhooks,
    dashboardUrl: options.webhooks?.dashboardUrl,
    tracing: options.tracing,
    callLogSink,
    clock: options.clock ?? { now: () => Date.now() },
    logger,
    secretKey: testEnv.secretKey,
    allowPrivateUpstreams: options.allowPrivateUpstreams ?? true,
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHosts: options.allowedHosts,
    maxBodyBytes: options.maxBodyBytes,
    sessionIdleMs: options.sessionIdleMs,
    maxInFlightPerTenant: options.maxInFlightPerTenant,
    allowStdio: options.allowStdio,
    maxStdioProcesses: options.maxStdioProcesses,
    cacheTtlMs: options.cacheTtlMs,
    cacheStaleMaxMs: options.cacheStaleMaxMs,
    maxStreamsPerTenant: options.maxStreamsPerTenant,
    maxHeldApprovalsPerTenant: options.maxHeldApprovalsPerTenant,
    streamIdleMs: options.streamIdleMs,
    maxWaitingPerTenant: options.maxWaitingPerTenant,
    approvalKeepAliveMs: options.approvalKeepAliveMs,
    oauth: options.oauth,
    subscribeToChanges: ({ onEvent, onReconnect }) =>
      listenForChanges(options.listenUrl ?? testEnv.databaseUrl, onEvent, { onReconnect }),
  });
  const url = await gateway.listen(0, options.host ?? "127.0.0.1");
  return {
    url,
    gateway,
    logLines,
    async close() {
      await gateway.close();
      await callLogSink.close();
      await worker?.close();
      await webhooks?.close();
      await webhookWorker?.close();
      if (options.webhooks !== undefined) {
        const hooks = new Queue(webhookQueue, { connection });
        await hooks.obliterate({ force: true });
        await hooks.close();
      }
      const queue = new Queue(queueName, { connection: { url: testEnv.redisUrl } });
      await queue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
    },
  };
}
