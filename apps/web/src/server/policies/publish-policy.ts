import {
  type DbClient,
  getServer,
  inTransaction,
  publishPolicy as publishPolicyVersion,
  recordAudit,
} from "@toolgate/db";
import { type PolicyIssue, parsePolicyJson } from "@toolgate/policy-core";
import { webhookEvent } from "@toolgate/webhooks";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { publishEvent } from "../webhooks/publish-event";

export const publishPolicyInputSchema = z.object({
  serverId: z.string().min(1),
  documentText: z.string().max(1_000_000, "The policy is too large (1 MB at most)."),
  // The version the editor started from; null when the server had no policy yet.
  baseVersion: z.number().int().positive().nullable(),
  message: z.string().trim().max(500).optional(),
});

export type PublishPolicyInput = z.infer<typeof publishPolicyInputSchema>;

export type PublishResult = { ok: true; version: number } | { ok: false; issues: PolicyIssue[] };

/**
 * Validates and publishes a new immutable policy version for one server. A stale
 * baseVersion makes the database throw PolicyConflictError instead of overwriting.
 */
export async function publishPolicy(
  db: DbClient,
  ctx: SessionContext,
  input: PublishPolicyInput,
): Promise<PublishResult> {
  assertCan(ctx, "manage_policies");
  const parsed = parsePolicyJson(input.documentText);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  // The change and its audit event commit together (or neither does).
  const { server, published } = await inTransaction(db, async (tx) => {
    const server = await getServer(tx, ctx.tenantId, input.serverId);
    if (server === null) throw new AppError("not_found", "Server not found.");
    const published = await publishPolicyVersion(tx, ctx.tenantId, server.id, {
      document: parsed.policy,
      message: input.message,
      authorId: ctx.userId,
      baseVersion: input.baseVersion,
    });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "policy.published",
      targetType: "server",
      targetId: server.id,
      data: { version: published.version },
    });
    return { server, published };
  });
  // Only once the version has committed: a webhook never announces a change that was rolled back.
  publishEvent(
    ctx.tenantId,
    webhookEvent("policy.published", {
      serverId: server.id,
      serverName: server.name,
      version: published.version,
      message: input.message ?? "",
      authorId: ctx.userId,
    }),
  );
  return { ok: true, version: published.version };
}
