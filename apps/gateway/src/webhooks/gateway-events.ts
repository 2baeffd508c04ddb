import type { Approval, CallLogRecord } from "@toolgate/db";
import { type WebhookEvent, webhookEvent } from "@toolgate/webhooks";

/** call.denied / call.rate_limited for a logged tools/call the policy refused; null for anything else. */
export function callEvent(record: CallLogRecord, serverSlug: string): WebhookEvent | null {
  if (record.tool === null) return null;
  if (record.decision !== "deny" && record.decision !== "rate_limited") return null;
  return webhookEvent(
    record.decision === "deny" ? "call.denied" : "call.rate_limited",
    {
      requestId: record.id,
      serverId: record.serverId,
      serverName: serverSlug,
      grantId: record.grantId,
      grantLabel: record.grantLabel,
      tool: record.tool,
      rule: record.rule,
      message: record.message,
      policyVersion: record.policyVersion,
      argumentKeys: record.argumentKeys,
    },
    record.createdAt,
  );
}

/** approval.requested: the held call, its exact arguments and rule, and links to decide it in the dashboard. */
export function approvalRequestedEvent(
  approval: Approval,
  labels: { serverName: string; grantLabel: string },
  dashboardUrl: string | undefined,
): WebhookEvent {
  const page =
    dashboardUrl === undefined ? undefined : `${dashboardUrl.replace(/\/$/, "")}/approvals/${approval.id}`;
  return webhookEvent(
    "approval.requested",
    {
      approvalId: approval.id,
      serverId: approval.serverId,
      serverName: labels.serverName,
      grantId: approval.grantId,
      grantLabel: labels.grantLabel,
      tool: approval.tool,
      arguments: approval.arguments,
      rule: approval.rule,
      expiresAt: approval.expiresAt.toISOString(),
      ...(page === undefined
        ? {}
        : { links: { view: page, approve: `${page}?decision=approve`, deny: `${page}?decision=deny` } }),
    },
    approval.createdAt,
  );
}

/** tool.quarantined: a reviewed tool's definition changed upstream; calls to it are denied until accepted. */
export function toolQuarantinedEvent(
  where: { serverId: string; serverName: string },
  tool: { id: string; name: string; from: string; to: string },
): WebhookEvent {
  return webhookEvent("tool.quarantined", {
    serverId: where.serverId,
    serverName: where.serverName,
    toolId: tool.id,
    tool: tool.name,
    previousHash: tool.from,
    newHash: tool.to,
  });
}
