import {
  createInvite,
  createWebhookDeliveries,
  createWebhookEndpoint,
  type Db,
  insertCallLogs,
  newId,
  publishPolicy,
  saveCatalogue,
} from "@toolgate/db";
import { generateToken, hashToken } from "@toolgate/secrets";
import { newApiTenant } from "../../src/server/api/test-support/api-test-kit";
import { createGrant } from "../../src/server/grants/create-grant";
import { newServerRow } from "../test-tenant";

/** Tenant A's rows (the victim) and tenant B's credentials (the attacker). */
export type IsolationFixture = Awaited<ReturnType<typeof isolationFixture>>;

/** Builds one of everything tenant-owned in A, and an admin of B with an admin API key. */
export async function isolationFixture(db: Db) {
  const a = await newApiTenant();
  const b = await newApiTenant();
  const server = await newServerRow(db, a.tenantId, "Secret Server A");
  const [tool] = await saveCatalogue(db, a.tenantId, server.id, [
    {
      name: "SecretToolA",
      description: "only tenant A may see this",
      inputSchema: { type: "object" },
      annotations: null,
      category: "Read",
      risk: "Low",
      riskReason: "test",
      definitionHash: "hash-a",
    },
  ]);
  if (tool === undefined) throw new Error("no tool");
  await db.tool.update({
    where: { id: tool.id },
    data: { pinState: "quarantined", pendingHash: "hash-b", pendingDefinition: { name: "SecretToolA" } },
  });
  await publishPolicy(db, a.tenantId, server.id, { document: { version: "1", default: "deny" } });
  const { grant } = await createGrant(db, a.ctx, { label: "secret-grant-a", serverId: server.id });
  const inviteToken = generateToken("inv");
  const invite = await createInvite(db, a.tenantId, {
    role: "viewer",
    tokenHash: hashToken(`unused-${inviteToken}`),
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const membership = await db.membership.findFirstOrThrow({ where: { tenantId: a.tenantId } });
  const approval = await db.approval.create({
    data: {
      id: newId("apr"),
      tenantId: a.tenantId,
      serverId: server.id,
      grantId: grant.id,
      tool: "SecretToolA",
      argumentsHash: "h",
      arguments: {},
      rule: "/tools/SecretToolA",
      expiresAt: new Date(Date.now() + 600_000),
    },
  });
  const logId = newId("req");
  await insertCallLogs(db, [
    {
      id: logId,
      tenantId: a.tenantId,
      serverId: server.id,
      grantId: grant.id,
      grantLabel: "secret-grant-a",
      sessionId: null,
      method: "tools/call",
      tool: "SecretToolA",
      decision: "allow",
      rule: "/tools/SecretToolA",
      message: null,
      policyVersion: 1,
      upstreamStatus: 200,
      latencyMs: 1,
      argumentKeys: [],
      arguments: null,
      createdAt: new Date(),
    },
  ]);
  const webhook = await createWebhookEndpoint(db, a.tenantId, {
    url: "https://hooks.example.test/secret-a",
    format: "standard",
    events: ["call.denied"],
    secretSealed: "sealed-secret-a",
  });
  const [delivery] = await createWebhookDeliveries(db, [
    { tenantId: a.tenantId, endpointId: webhook.id, event: "call.denied", payload: { tool: "SecretToolA" } },
  ]);
  if (delivery === undefined) throw new Error("no delivery");
  const apiKey = await db.apiKey.findFirstOrThrow({ where: { tenantId: a.tenantId, revokedAt: null } });
  return {
    a,
    b,
    ids: {
      serverId: server.id,
      toolId: tool.id,
      grantId: grant.id,
      inviteId: invite.id,
      membershipId: membership.id,
      approvalId: approval.id,
      logId,
      apiKeyId: apiKey.id,
      webhookEndpointId: webhook.id,
      webhookDeliveryId: delivery.id,
      version: "1",
    },
    // Strings that must never appear in anything tenant B gets back.
    secrets: [
      server.id,
      server.name,
      tool.id,
      "SecretToolA",
      grant.id,
      "secret-grant-a",
      a.tenantId,
      logId,
      webhook.id,
      "secret-a",
    ],
  };
}

/** Tenant A's state that B's attempts must leave untouched. */
export async function tenantASnapshot(db: Db, fixture: IsolationFixture) {
  const { a, ids } = fixture;
  const [server, tool, grant, invite, membership, approval, policy, apiKey] = await Promise.all([
    db.server.findUnique({ where: { id: ids.serverId } }),
    db.tool.findUnique({ where: { id: ids.toolId } }),
    db.grant.findUnique({ where: { id: ids.grantId } }),
    db.invite.findUnique({ where: { id: ids.inviteId } }),
    db.membership.findUnique({ where: { id: ids.membershipId } }),
    db.approval.findUnique({ where: { id: ids.approvalId } }),
    db.policy.findUnique({ where: { serverId: ids.serverId } }),
    db.apiKey.findUnique({ where: { id: ids.apiKeyId } }),
  ]);
  const audit = await db.auditEvent.count({ where: { tenantId: a.tenantId } });
  const [webhook, delivery] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id: ids.webhookEndpointId } }),
    db.webhookDelivery.findUnique({ where: { id: ids.webhookDeliveryId } }),
  ]);
  return JSON.stringify({
    server,
    tool,
    grant,
    invite,
    membership,
    approval,
    policy,
    apiKey,
    audit,
    webhook,
    delivery,
  });
}
