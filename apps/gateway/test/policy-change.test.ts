import { publishPolicy } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectClient } from "./support/connect-client";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

let upstream: DemoUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startTestGateway(testDb);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("policy changes", () => {
  it("apply to the next call of an open session, for calls and for the tool list", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "deny", tools: { MountIso: {} } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    const before = await client.callTool({ name: "ListVms", arguments: {} });
    expect(toolText(before)).toContain("(default deny)");

    await publishPolicy(testDb, seeded.tenantId, seeded.serverId, {
      document: { version: "1", default: "deny", tools: { ListVms: {} } },
    });

    // The change travels by Postgres notification, so the very next call may race it by a moment.
    await vi.waitFor(async () => {
      const after = await client.callTool({ name: "ListVms", arguments: {} });
      expect(after.isError).toBeFalsy();
    });
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["ListVms"]);
    const mount = await client.callTool({
      name: "MountIso",
      arguments: { vm_name: "alpine-ci", iso_path: "x" },
    });
    expect(toolText(mount)).toContain("(default deny)");
    await client.close();
  });

  it.each(["http_500", "disconnect"] as const)(
    "gives back the quota of a call the upstream failed (%s)",
    async (fault) => {
      const seeded = await seedTenant(testDb, {
        upstreamUrl: upstream.url,
        policy: { version: "1", default: "deny", tools: { GetVmState: { rate_limit: "2/hour" } } },
      });
      const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
      const call = () => client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
      upstream.setFault("GetVmState", fault);
      const failed = await call().catch((error: unknown) => error);
      upstream.setFault("GetVmState", null);
      expect(failed).toBeInstanceOf(Error);
      // The failed call spent nothing: both calls of the budget still pass, the third is limited.
      const results = [await call(), await call(), await call()];
      await client.close();
      expect(results.map((result) => Boolean(result.isError))).toEqual([false, false, true]);
      expect(toolText(results[2])).toContain("/tools/GetVmState/rate_limit");
    },
  );
});
