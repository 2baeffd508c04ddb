import { getWebhookEndpoint, listAuditEvents } from "@toolgate/db";
import { openSecret } from "@toolgate/secrets";
import type { WebhookEvent } from "@toolgate/webhooks";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { newServerRow, newTenant, testDb } from "../../../test/test-tenant";
import { createGrant } from "../grants/create-grant";
import { revokeGrant } from "../grants/revoke-grant";
import { publishPolicy } from "../policies/publish-policy";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { deleteWebhookEndpoint, listWebhooks } from "./manage-webhooks";
import { installEventPublisher } from "./publish-event";

const db = testDb();
const secretKey = Buffer.alloc(32, 7);
const published: Array<{ tenantId: string; event: WebhookEvent }> = [];
installEventPublisher({ publish: (tenantId, event) => published.push({ tenantId, event }) });

afterEach(() => {
  published.length = 0;
});
afterAll(() => db.$disconnect());

describe("webhook endpoints", () => {
  it("store the secret sealed, show it once, and list without it", async () => {
    const { ctx, tenantId } = await newTenant(db, "hooks");
    const { endpoint, secret } = await createWebhookEndpoint(
      db,
      ctx,
      { url: "https://93.184.215.14/toolgate", events: ["call.denied", "call.denied", "grant.created"] },
      { secretKey, allowPrivateAddresses: false },
    );
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.events).toEqual(["call.denied", "grant.created"]);
    const row = await getWebhookEndpoint(db, tenantId, endpoint.id);
    expect(row?.secretSealed).not.toContain(secret);
    expect(openSecret(row?.secretSealed ?? "", secretKey)).toBe(secret);
    const listed = await listWebhooks(db, ctx);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(row?.secretSealed);
    expect((await listAuditEvents(db, tenantId)).map((event) => event.action)).toContain("webhook.created");
    await deleteWebhookEndpoint(db, ctx, endpoint.id);
    expect(await listWebhooks(db, ctx)).toEqual([]);
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data", /reserved or internal/],
    ["http://127.0.0.1:8080/hook", /private or loopback/],
    ["http://0x7f000001/hook", /private or loopback/],
    ["ftp://hooks.example.com/x", /Only http/],
  ])("refuse the SSRF-blocked URL %s", async (url, message) => {
    const { ctx, tenantId } = await newTenant(db, "ssrf");
    await expect(
      createWebhookEndpoint(
        db,
        ctx,
        { url, events: ["call.denied"] },
        { secretKey, allowPrivateAddresses: false },
      ),
    ).rejects.toMatchObject({ code: "invalid_input", message: expect.stringMatching(message) });
    expect(await db.webhookEndpoint.count({ where: { tenantId } })).toBe(0);
  });

  it("are for admins only", async () => {
    const { ctx } = await newTenant(db, "viewer");
    await expect(
      createWebhookEndpoint(
        db,
        { ...ctx, role: "policy_manager" },
        { url: "https://hooks.example.com/x", events: ["call.denied"] },
        { secretKey, allowPrivateAddresses: false },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("dashboard events", () => {
  it("publish grant.created, grant.revoked and policy.published after the change is stored", async () => {
    const { ctx, tenantId } = await newTenant(db, "events");
    const server = await newServerRow(db, tenantId);
    const { grant } = await createGrant(db, ctx, { label: "ci-runner", serverId: server.id });
    await revokeGrant(db, ctx, grant.id);
    const result = await publishPolicy(db, ctx, {
      serverId: server.id,
      documentText: JSON.stringify({ version: "1", default: "deny" }),
      baseVersion: null,
      message: "lock down",
    });
    expect(result).toEqual({ ok: true, version: 1 });
    expect(published.map(({ tenantId: t, event }) => [t, event.type])).toEqual([
      [tenantId, "grant.created"],
      [tenantId, "grant.revoked"],
      [tenantId, "policy.published"],
    ]);
    expect(published[0]?.event.data).toMatchObject({ grantId: grant.id, label: "ci-runner" });
    expect(published[2]?.event.data).toMatchObject({ serverId: server.id, version: 1, message: "lock down" });
  });
});
