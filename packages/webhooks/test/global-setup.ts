import { migrateDeploy } from "@toolgate/db";
import { testEnv } from "./test-env";

/** Brings the test database to the latest migration once, before any test file runs. */
export default async function globalSetup(): Promise<void> {
  await migrateDeploy(testEnv.databaseUrl);
}
