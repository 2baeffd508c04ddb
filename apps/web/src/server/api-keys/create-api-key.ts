import { type DbClient, inTransaction, newId, recordAudit } from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { z } from "zod";
import type { SessionContext } from "../context";
import { toApiKeyView } from "./api-key-view";
import { assertAdmin } from "./assert-admin";

export const createApiKeyInputSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, "Give the key a label, such as ci-deploy.")
    .max(64, "Keep the label under 64 characters."),
  role: z.enum(["admin", "policy_manager", "viewer"], { error: "Choose a role for the key." }),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeyInputSchema>;

/**
 * Creates a tenant API key for the REST API and the CLI. Only its hash is stored: the
 * returned key is the one time it exists in clear.
 */
export async function createApiKey(db: DbClient, ctx: SessionContext, input: CreateApiKeyInput) {
  assertAdmin(ctx);
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const key = generateToken("key");
    const row = await tx.apiKey.create({
      data: {
        id: newId("key"),
        tenantId: ctx.tenantId,
        label: input.label,
        role: input.role,
        keyHash: hashToken(key),
        keyPrefix: tokenPrefix(key),
        createdById: ctx.userId,
      },
    });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "api_key.created",
      targetType: "api_key",
      targetId: row.id,
      data: { label: row.label, role: row.role },
    });
    return { apiKey: toApiKeyView(row), key };
  });
}
