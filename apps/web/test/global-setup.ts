import { migrateDeploy } from "@toolgate/db";
import { testDatabaseUrl } from "./test-env";

/** Brings the test database to the latest migration once per run. */
export default async function setup(): Promise<void> {
  await migrateDeploy(testDatabaseUrl());
}
