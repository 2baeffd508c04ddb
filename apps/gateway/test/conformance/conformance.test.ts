import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTenant } from "../support/seed-tenant";
import { type EverythingServer, startEverything } from "../support/start-everything";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway";
import { testDb } from "../support/test-db";
import { type ConformanceCheck, runConformance } from "./run-conformance";

let everything: EverythingServer;
let gateway: TestGateway;

beforeAll(async () => {
  everything = await startEverything();
  gateway = await startTestGateway(testDb);
});

afterAll(async () => {
  await gateway?.close();
  await everything?.close();
  await testDb.$disconnect();
});

const key = (check: ConformanceCheck) => `${check.scenario} › ${check.id}`;
const passed = (checks: ConformanceCheck[]) =>
  new Set(checks.filter((check) => check.status === "SUCCESS").map(key));

describe("the official MCP conformance server suite (2025-11-25), allow-all policy", () => {
  it("passes through the gateway every check server-everything passes directly", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: everything.url,
      policy: { version: "1", default: "allow" },
    });
    const direct = await runConformance(everything.url);
    const through = await runConformance(`${gateway.url}${seeded.path}?token=${seeded.token}`);
    expect(direct.length).toBeGreaterThan(20);
    console.info(comparisonTable(direct, through));
    const throughPassed = passed(through);
    const lost = [...passed(direct)].filter((check) => !throughPassed.has(check));
    expect(lost).toEqual([]);
    // DNS-rebinding protection: server-everything has none, the gateway refuses a foreign Host and Origin.
    const rebinding = through.find((check) => check.id === "localhost-host-rebinding-rejected");
    expect(rebinding?.status).toBe("SUCCESS");
  });
});

// The record of a run: every check, direct and through the gateway.
function comparisonTable(direct: ConformanceCheck[], through: ConformanceCheck[]): string {
  const viaGateway = new Map(through.map((check) => [key(check), check.status]));
  const rows = direct.map(
    (check) => `| ${check.scenario} | ${check.id} | ${check.status} | ${viaGateway.get(key(check)) ?? "-"} |`,
  );
  return ["| scenario | check | direct | through the gateway |", "|---|---|---|---|", ...rows].join("\n");
}
