import { randomUUID } from "node:crypto";
import {
  createDb,
  createUserWithTenant,
  createWebhookEndpoint,
  listWebhookDeliveries,
  type WebhookFormat,
} from "@toolgate/db";
import { sealSecret } from "@toolgate/secrets";
import { Queue } from "bullmq";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  assertWebhookUrl,
  generateWebhookSecret,
  startWebhookWorker,
  type WebhookEvent,
  WebhookPublisher,
  type WebhookWorker,
  webhookEvent,
} from "../src/index";
import { testEnv } from "./test-env";
import { startWebhookReceiver } from "./webhook-receiver";

const db = createDb(testEnv.databaseUrl);
const connection = { url: testEnv.redisUrl };
const transport = { kind: "redis", url: testEnv.redisUrl } as const;
const logger = { warn: () => {}, error: () => {} };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await db.$disconnect();
});

async function setup(options: {
  url: string;
  events?: string[];
  format?: WebhookFormat;
  allowPrivateAddresses?: boolean;
}) {
  const unique = randomUUID().slice(0, 8);
  const { tenant } = await createUserWithTenant(db, {
    email: `wh-${unique}@example.test`,
    passwordHash: "not-used",
    tenantName: `Webhooks ${unique}`,
  });
  const secret = generateWebhookSecret();
  const endpoint = await createWebhookEndpoint(db, tenant.id, {
    url: options.url,
    format: options.format ?? "standard",
    events: options.events ?? ["call.denied"],
    secretSealed: sealSecret(secret, testEnv.secretKey),
  });
  const queueName = `webhooks-test-${randomUUID()}`;
  const publisher = new WebhookPublisher({ transport, logger, queueName, flushIntervalMs: 10 });
  const worker: WebhookWorker = startWebhookWorker({
    db,
    transport,
    queueName,
    secretKey: testEnv.secretKey,
    logger,
    allowPrivateAddresses: options.allowPrivateAddresses ?? true,
    attempts: 4,
    retryDelayMs: 50,
  });
  cleanups.push(async () => {
    await publisher.close();
    await worker.close();
    const queue = new Queue(queueName, { connection });
    await queue.obliterate({ force: true });
    await queue.close();
  });
  return { tenantId: tenant.id, endpointId: endpoint.id, secret, publisher };
}

const denied: WebhookEvent = webhookEvent("call.denied", {
  tool: "DeleteVm",
  grantLabel: "ci-runner",
  rule: "(default deny)",
  message: "[POLICY DENIED] …",
});

describe("webhook deliveries", () => {
  it("are signed Standard-Webhooks style and verify with the endpoint's secret", async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const { tenantId, endpointId, secret, publisher } = await setup({ url: receiver.url });
    publisher.publish(tenantId, denied);
    // An event the endpoint did not subscribe to is not sent.
    publisher.publish(tenantId, webhookEvent("grant.created", { label: "x" }));
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    const [request] = receiver.received;
    if (request === undefined) throw new Error("no request");
    const verified = new Webhook(secret).verify(request.body, request.headers);
    expect(verified).toEqual(denied);
    expect(request.headers["webhook-id"]).toMatch(/^msg_/);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,/);
    // A changed body, or another secret, does not verify.
    expect(() =>
      new Webhook(secret).verify(request.body.replace("DeleteVm", "GetVmState"), request.headers),
    ).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(request.body, request.headers)).toThrow();
    await vi.waitFor(async () => {
      const [delivery] = await listWebhookDeliveries(db, tenantId, endpointId);
      expect(delivery).toMatchObject({
        status: "delivered",
        attempts: 1,
        responseStatus: 200,
        event: "call.denied",
      });
      expect(delivery?.id).toBe(request.headers["webhook-id"]);
    });
  });

  it("are retried with backoff after the receiver fails, keeping their id, and logged per attempt", async () => {
    const receiver = await startWebhookReceiver((_, index) => (index < 2 ? 503 : 200));
    cleanups.push(receiver.close);
    const { tenantId, endpointId, secret, publisher } = await setup({ url: receiver.url });
    publisher.publish(tenantId, denied);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(3), { timeout: 15_000 });
    const ids = new Set(receiver.received.map((request) => request.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    for (const request of receiver.received) {
      expect(new Webhook(secret).verify(request.body, request.headers)).toEqual(denied);
    }
    await vi.waitFor(async () => {
      const [delivery] = await listWebhookDeliveries(db, tenantId, endpointId);
      expect(delivery).toMatchObject({
        status: "delivered",
        attempts: 3,
        responseStatus: 200,
        lastError: null,
      });
    });
  });

  it("end as failed after the last attempt, with the response code", async () => {
    const receiver = await startWebhookReceiver(() => 500);
    cleanups.push(receiver.close);
    const { tenantId, endpointId, publisher } = await setup({ url: receiver.url });
    publisher.publish(tenantId, denied);
    await vi.waitFor(
      async () => {
        const [delivery] = await listWebhookDeliveries(db, tenantId, endpointId);
        expect(delivery).toMatchObject({ status: "failed", attempts: 4, responseStatus: 500 });
        expect(delivery?.lastError).toContain("HTTP 500");
      },
      { timeout: 15_000 },
    );
    expect(receiver.received).toHaveLength(4);
    // Redelivery sends it once more, with the same id.
    await publisher.redeliver(tenantId, (await listWebhookDeliveries(db, tenantId, endpointId))[0]?.id ?? "");
    await vi.waitFor(() => expect(receiver.received).toHaveLength(5), { timeout: 10_000 });
  });

  it("use the Slack incoming-webhook format with approve and deny links for approval requests", async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const { tenantId, publisher } = await setup({
      url: receiver.url,
      format: "slack",
      events: ["approval.requested"],
    });
    publisher.publish(
      tenantId,
      webhookEvent("approval.requested", {
        approvalId: "apr_1",
        tool: "GetVmState",
        serverName: "Lab",
        grantLabel: "alice",
        rule: "/tools/GetVmState",
        arguments: { vm_name: "alpine-ci" },
        expiresAt: "2026-12-01T10:00:00.000Z",
        links: {
          approve: "https://dash.example/approvals/apr_1?decision=approve",
          deny: "https://dash.example/approvals/apr_1?decision=deny",
        },
      }),
    );
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    const message = JSON.parse(receiver.received[0]?.body ?? "{}");
    expect(message.text).toContain("Approval needed: `GetVmState`");
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("alpine-ci");
    expect(text).toContain("/tools/GetVmState");
    const actions = message.blocks.find((block: { type: string }) => block.type === "actions");
    expect(actions.elements.map((button: { url: string }) => button.url)).toEqual([
      "https://dash.example/approvals/apr_1?decision=approve",
      "https://dash.example/approvals/apr_1?decision=deny",
    ]);
  });

  it("send a test event only to the endpoint asked", async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const { tenantId, endpointId, secret, publisher } = await setup({ url: receiver.url });
    await publisher.publishNow(tenantId, webhookEvent("webhook.test", { endpointId }), endpointId);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    const event = new Webhook(secret).verify(
      receiver.received[0]?.body ?? "",
      receiver.received[0]?.headers ?? {},
    );
    expect(event).toMatchObject({ type: "webhook.test" });
  });
});

describe("webhook URLs (SSRF)", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data",
    "http://127.0.0.1:9/hook",
    "http://2130706433/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://10.0.0.8/hook",
    "file:///etc/passwd",
  ])("refuses %s", async (url) => {
    await expect(assertWebhookUrl(url, { allowPrivateAddresses: false })).rejects.toThrow(
      /private|reserved|internal|Only http/,
    );
  });

  it("keeps refusing cloud metadata when private addresses are allowed", async () => {
    await expect(
      assertWebhookUrl("http://169.254.169.254/latest/meta-data", { allowPrivateAddresses: true }),
    ).rejects.toThrow(/reserved or internal/);
  });

  it("are checked again at delivery: a stored loopback endpoint is never contacted", async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const { tenantId, endpointId, publisher } = await setup({
      url: receiver.url,
      allowPrivateAddresses: false,
    });
    publisher.publish(tenantId, denied);
    await vi.waitFor(
      async () => {
        const [delivery] = await listWebhookDeliveries(db, tenantId, endpointId);
        expect(delivery).toMatchObject({ status: "failed", attempts: 4, responseStatus: null });
        expect(delivery?.lastError).toMatch(/private or loopback/);
      },
      { timeout: 15_000 },
    );
    expect(receiver.received).toHaveLength(0);
  });
});
