import { migrateDeploy } from "../src/index";
import { testDatabaseUrl } from "./support/test-env";

/** Brings the test database to the latest migration once per run. */
export default async function setup(): Promise<void> {
  await migrateDeploy(testDatabaseUrl());
}
