import { createDb } from "@toolgate/db";
import { testEnv } from "./test-env";

/** One Prisma client for a test file, on the test database. */
export const testDb = createDb(testEnv.databaseUrl);
