import { randomBytes } from "node:crypto";

/** The test database and Redis, overridable from the environment. */
export const testEnv = {
  databaseUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  secretKey: randomBytes(32),
};
