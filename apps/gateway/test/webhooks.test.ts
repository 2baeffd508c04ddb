import { createWebhookEndpoint, listWebhookDeliveries } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { sealSecret } from "@toolgate/secrets";
import { generateWebhookSecret } from "@toolgate/webhooks";
import { startWebhookReceiver } from "@toolgate/webhooks/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decideApproval, waitForApprovals } from "./support/approvals";
import { connectClient } from "./support/connect-client";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { testEnv } from "./support/test-env";
import { toolText } from "./support/tool-text";

const DASHBOARD = "https://dashboard.example.test";
let upstream: DemoUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startTestGateway(testDb, { webhooks: { dashboardUrl: DASHBOARD } });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

const POLICY = {
  version: "1",
  default: "deny",
  tools: {
    GetVmState: { action: "require_approval", approval: { timeout: "5m" } },
    MountIso: { limits: [{ counter: "iso", window: "hour", max: 1, scope: "grant" }] },
  },
};

async function subscribe(tenantId: string, url: string, events: string[]) {
  const secret = generateWebhookSecret();
  const endpoint = await createWebhookEndpoint(testDb, tenantId, {
    url,
    format: "standard",
    events,
    secretSealed: sealSecret(secret, testEnv.secretKey),
  });
  return { secret, endpointId: endpoint.id };
}

describe("gateway webhooks", () => {
  it("send signed call.denied and call.rate_limited events without the call waiting for the receiver", async () => {
    // The receiver never answers: if a call waited for its delivery, the call would never return.
    const receiver = await startWebhookReceiver(() => "hang");
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: POLICY,
      grantLabel: "ci-runner",
    });
    const { secret } = await subscribe(seeded.tenantId, receiver.url, ["call.denied", "call.rate_limited"]);
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    try {
      const denied = await client.callTool({ name: "DeleteVm", arguments: { vm_name: "debian-db" } });
      expect(toolText(denied)).toContain("[POLICY DENIED]");
      const args = { vm_name: "alpine-ci", iso_path: "/isos/a.iso" };
      await client.callTool({ name: "MountIso", arguments: args });
      const limited = await client.callTool({ name: "MountIso", arguments: args });
      expect(toolText(limited)).toContain("Rate limit");
      // Both events reach the receiver, which is still holding them: the calls returned regardless.
      await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 10_000 });
      const events = receiver.received.map(
        (request) =>
          new Webhook(secret).verify(request.body, request.headers) as { type: string; data: object },
      );
      const byType = Object.fromEntries(events.map((event) => [event.type, event.data]));
      expect(byType["call.denied"]).toMatchObject({
        tool: "DeleteVm",
        rule: "(default deny)",
        grantLabel: "ci-runner",
        grantId: seeded.grantId,
        serverId: seeded.serverId,
        argumentKeys: ["vm_name"],
        policyVersion: 1,
      });
      expect(byType["call.rate_limited"]).toMatchObject({
        tool: "MountIso",
        rule: "/tools/MountIso/limits/0",
      });
      // Argument values never travel in call events.
      expect(JSON.stringify(events)).not.toContain("debian-db");
    } finally {
      await client.close();
      await receiver.close();
    }
  });

  it("push approval.requested with the call, arguments, rule and dashboard links; retried after a failure", async () => {
    const receiver = await startWebhookReceiver((_, index) => (index === 0 ? 500 : 204));
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: POLICY,
      grantLabel: "alice",
    });
    const { secret, endpointId } = await subscribe(seeded.tenantId, receiver.url, ["approval.requested"]);
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    try {
      const held = client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } }, undefined, {
        timeout: 60_000,
      });
      const [approval] = await waitForApprovals(testDb, seeded.tenantId);
      if (approval === undefined) throw new Error("no approval");
      await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 10_000 });
      const [first, second] = receiver.received;
      expect(first?.headers["webhook-id"]).toBe(second?.headers["webhook-id"]);
      const event = new Webhook(secret).verify(second?.body ?? "", second?.headers ?? {});
      const page = `${DASHBOARD}/approvals/${approval.id}`;
      expect(event).toMatchObject({
        type: "approval.requested",
        data: {
          approvalId: approval.id,
          tool: "GetVmState",
          arguments: { vm_name: "alpine-ci" },
          rule: "/tools/GetVmState",
          grantLabel: "alice",
          serverName: seeded.serverSlug,
          links: { view: page, approve: `${page}?decision=approve`, deny: `${page}?decision=deny` },
        },
      });
      await vi.waitFor(async () => {
        const [delivery] = await listWebhookDeliveries(testDb, seeded.tenantId, endpointId);
        expect(delivery).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 204 });
      });
      await decideApproval(testDb, approval, "approved");
      expect(toolText(await held)).not.toContain("[POLICY DENIED]");
    } finally {
      await client.close();
      await receiver.close();
    }
  });
});
