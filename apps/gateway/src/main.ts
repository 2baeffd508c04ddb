import { createDb, listenForChanges } from "@toolgate/db";
import { parseSecretKey } from "@toolgate/secrets";
import { BullmqCallLogSink } from "./call-log/bullmq-call-log-sink";
import { startCallLogWorker } from "./call-log/call-log-worker";
import { parseEnv } from "./env";
import { createGateway } from "./gateway";
import { createLogger } from "./logger";
import { openCallLogQueue, openLimits, runtimeMode } from "./runtime/runtime";

const env = parseEnv(process.env);
const logger = createLogger(env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL);
const mode = runtimeMode(env);
const limits = await openLimits(env, logger);
const queue = openCallLogQueue(env);
const callLogSink = new BullmqCallLogSink({ transport: queue.transport, logger, queueName: queue.queueName });
const worker = env.TOOLGATE_RUN_LOG_WORKER
  ? startCallLogWorker({ transport: queue.transport, db, logger, queueName: queue.queueName })
  : undefined;

const gateway = createGateway({
  db,
  mode,
  rateLimiter: limits.rateLimiter,
  callLogSink,
  clock: { now: () => Date.now() },
  logger,
  secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
  allowPrivateUpstreams: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
  allowedOrigins: env.TOOLGATE_ALLOWED_ORIGINS,
  maxInFlightPerTenant: env.TOOLGATE_MAX_INFLIGHT_PER_TENANT,
  allowStdio: env.TOOLGATE_ALLOW_STDIO,
  maxStdioProcesses: env.TOOLGATE_MAX_STDIO_PROCESSES,
  approvalKeepAliveMs: env.TOOLGATE_APPROVAL_KEEPALIVE_MS,
  subscribeToChanges: ({ onEvent, onReconnect }) =>
    listenForChanges(env.DATABASE_URL, onEvent, {
      onReconnect,
      onError: (error) => logger.warn({ err: error }, "change notifications"),
      applicationName: "toolgate-gateway",
    }),
});

const url = await gateway.listen(env.PORT, env.HOST);
// `url` last: tests and benches find it right before the message.
logger.info({ mode, callLogQueue: queue.queueName, url }, "gateway listening");

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, "shutting down");
  await gateway.close();
  await callLogSink.close();
  await worker?.close();
  await queue.close();
  limits.close();
  await db.$disconnect();
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
