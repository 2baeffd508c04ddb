// Runs only the call-log worker, for deployments that keep it out of the gateway process
// (start gateways with TOOLGATE_RUN_LOG_WORKER=0).
import { createDb } from "@toolgate/db";
import { startCallLogWorker } from "./call-log/call-log-worker";
import { parseEnv } from "./env";
import { createLogger } from "./logger";

const env = parseEnv(process.env);
const logger = createLogger(env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL);
const worker = startCallLogWorker({
  redisUrl: env.REDIS_URL,
  db,
  logger,
  queueName: env.TOOLGATE_CALL_LOG_QUEUE,
});
logger.info("call-log worker running");

async function shutdown(): Promise<void> {
  await worker.close();
  await db.$disconnect();
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
