// Runs only the call-log worker, for deployments that keep it out of the gateway process
// (start gateways with TOOLGATE_RUN_LOG_WORKER=0).
import { createDb } from "@toolgate/db";
import { startCallLogWorker } from "./call-log/call-log-worker";
import { parseEnv } from "./env";
import { createLogger } from "./logger";
import { openCallLogQueue } from "./runtime/runtime";

const env = parseEnv(process.env);
const logger = createLogger(env.LOG_LEVEL);
const db = createDb(env.DATABASE_URL);
const queue = openCallLogQueue(env);
const worker = startCallLogWorker({ transport: queue.transport, db, logger, queueName: queue.queueName });
logger.info({ callLogQueue: queue.queueName }, "call-log worker running");

async function shutdown(): Promise<void> {
  await worker.close();
  await queue.close();
  await db.$disconnect();
  process.exit(0);
}

process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
