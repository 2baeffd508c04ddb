import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { DEFAULT_REQUEST_TIMEOUT_MSEC } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, expect, it } from "vitest";
import { decideApproval, waitForApprovals } from "./support/approvals";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

// A real hold, three times the SDK's default request timeout: the client must keep waiting because
// the gateway's keep-alive progress resets its timeout, and the answer comes on the same request.
const HOLD_MS = 3 * 60_000;

afterAll(async () => {
  await testDb.$disconnect();
});

it(
  "a call held for 3 minutes completes for an SDK client that resets its timeout on progress",
  async () => {
    expect(HOLD_MS).toBeGreaterThan(DEFAULT_REQUEST_TIMEOUT_MSEC);
    const gateway = await startTestGateway(testDb); // default keep-alive interval (15 s)
    const upstream = await startDemoUpstream({ port: 0 });
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: {
        version: "1",
        default: "deny",
        tools: { GetVmState: { action: "require_approval", approval: { timeout: "10m" } } },
      },
    });
    const client = new Client({ name: "keep-alive-test", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${gateway.url}${seeded.path}`), {
        requestInit: { headers: { Authorization: `Bearer ${seeded.token}` } },
      }),
    );
    try {
      const progress: Progress[] = [];
      // The SDK's default timeout (60 s) applies; only progress keeps the request alive.
      const held = client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } }, undefined, {
        resetTimeoutOnProgress: true,
        onprogress: (update) => progress.push(update),
      });
      const [approval] = await waitForApprovals(testDb, seeded.tenantId);
      if (approval === undefined) throw new Error("no approval");
      await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
      await decideApproval(testDb, approval, "approved");
      const result = await held;
      expect(result.isError).toBeFalsy();
      expect(upstream.stats().toolCalls.GetVmState).toBe(1);
      // Progress only ever counts up, and says what the call waits for.
      expect(progress.length).toBeGreaterThanOrEqual(HOLD_MS / 60_000);
      expect(progress.map((update) => update.progress)).toEqual(progress.map((_, index) => index + 1));
      expect(progress[0]?.message).toContain(`approval ${approval.id}`);
    } finally {
      await client.close();
      await upstream.close();
      await gateway.close();
    }
  },
  HOLD_MS + 120_000,
);
