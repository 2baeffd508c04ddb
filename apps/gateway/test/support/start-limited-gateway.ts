import type { CallLogRecord, Db } from "@toolgate/db";
import { listenForChanges } from "@toolgate/db";
import { createGateway, type Gateway } from "../../src/gateway";
import type { Clock } from "../../src/http/gateway-services";
import { createLogger } from "../../src/logger";
import { createLimiterRedis } from "../../src/rate-limit/create-limiter-redis";
import { RedisRateLimiter } from "../../src/rate-limit/redis-rate-limiter";
import { testEnv } from "./test-env";

export type LimitedGateway = {
  url: string;
  gateway: Gateway;
  records: CallLogRecord[];
  logLines: string[];
  close(): Promise<void>;
};

/**
 * A gateway whose limiter uses the given Redis through the production connection settings (no
 * offline queue, command timeout, circuit); call logs are kept in memory so a Redis outage touches
 * only the limiter.
 */
export async function startLimitedGateway(
  db: Db,
  redisUrl: string,
  options: { clock?: Clock } = {},
): Promise<LimitedGateway> {
  const logLines: string[] = [];
  const records: CallLogRecord[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logLines.push(line) });
  const redis = await createLimiterRedis(redisUrl, logger);
  const gateway = createGateway({
    db,
    rateLimiter: new RedisRateLimiter(redis, { logger }),
    callLogSink: { write: (record) => void records.push(record), close: async () => {} },
    clock: options.clock ?? { now: () => Date.now() },
    logger,
    secretKey: testEnv.secretKey,
    allowPrivateUpstreams: true,
    allowedOrigins: [],
    maxInFlightPerTenant: 1_000,
    subscribeToChanges: ({ onEvent, onReconnect }) =>
      listenForChanges(testEnv.databaseUrl, onEvent, { onReconnect }),
  });
  const url = await gateway.listen(0, "127.0.0.1");
  return {
    url,
    gateway,
    records,
    logLines,
    async close() {
      await gateway.close();
      redis.disconnect();
    },
  };
}
