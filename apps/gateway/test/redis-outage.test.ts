import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./support/connect-client";
import { type PrivateRedis, startPrivateRedis } from "./support/private-redis";
import { seedTenant } from "./support/seed-tenant";
import { type LimitedGateway, startLimitedGateway } from "./support/start-limited-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

let redis: PrivateRedis;
let upstream: DemoUpstream;
let gateway: LimitedGateway;

beforeAll(async () => {
  redis = await startPrivateRedis();
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startLimitedGateway(testDb, redis.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await redis?.stop();
  await testDb.$disconnect();
});

const health = async () => (await fetch(`${gateway.url}/healthz`)).json();

describe("when the limiter's Redis goes away", () => {
  it("keeps unlimited tools working, fails limited ones closed at once, and recovers by itself", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow", tools: { GetVmState: { rate_limit: "100/minute" } } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    const limited = () => client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
    expect((await limited()).isError).toBeFalsy();
    expect(await health()).toMatchObject({ status: "ok", mode: "redis", redis: "ok" });

    await redis.stop();
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const refused = await limited();
      latencies.push(performance.now() - started);
      expect(refused.isError).toBe(true);
      expect(toolText(refused)).toMatch(
        /^\[POLICY DENIED\] Rate limits cannot be checked right now .* Rule: \/tools\/GetVmState\/rate_limit\. Retry after 5s\.$/,
      );
    }
    // Reported, not asserted (no wall-clock assertions): the figures go in the report.
    console.log(
      `limited calls with Redis down answered in ${latencies.map((ms) => ms.toFixed(1)).join(", ")} ms`,
    );
    expect((await client.callTool({ name: "ListVms", arguments: {} })).isError).toBeFalsy();
    expect(await health()).toMatchObject({ status: "degraded", mode: "redis", redis: "degraded" });
    const refusedLog = gateway.records.findLast((record) => record.tool === "GetVmState");
    expect(refusedLog?.decision).toBe("error");

    await redis.start();
    let recovered = false;
    for (let attempt = 0; attempt < 100 && !recovered; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      recovered = !(await limited()).isError;
    }
    expect(recovered).toBe(true);
    expect(await health()).toMatchObject({ status: "ok", mode: "redis", redis: "ok" });
    const transitions = gateway.logLines.filter((line) => /redis (degraded|recovered)/.test(line));
    expect(transitions.map((line) => /redis (degraded|recovered)/.exec(line)?.[1])).toEqual([
      "degraded",
      "recovered",
    ]);
    await client.close();
    expect(upstream.stats().toolCalls.GetVmState).toBe(2);
  });
});
