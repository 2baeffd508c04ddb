import { type DbClient, inTransaction, notifyChange, recordAudit } from "@toolgate/db";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

const keep = z.literal("").transform(() => null);

export const overrideToolClassInputSchema = z.object({
  // "" puts the classifier's value back.
  category: z.union([z.enum(["Read", "Write", "Execute", "Destructive"]), keep]),
  risk: z.union([z.enum(["Low", "Medium", "High", "Critical"]), keep]),
});

export type OverrideToolClassInput = z.infer<typeof overrideToolClassInputSchema>;

/** Sets (or clears) the tenant's own category and risk for a catalogued tool. */
export async function overrideToolClass(
  db: DbClient,
  ctx: SessionContext,
  serverId: string,
  toolId: string,
  input: OverrideToolClassInput,
) {
  assertCan(ctx, "manage_policies");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const { count } = await tx.tool.updateMany({
      where: { id: toolId, serverId, tenantId: ctx.tenantId },
      data: { categoryOverride: input.category, riskOverride: input.risk },
    });
    if (count === 0) throw new AppError("not_found", "Tool not found.");
    await notifyChange(tx, { kind: "server", tenantId: ctx.tenantId, serverId });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "tool.class_overridden",
      targetType: "tool",
      targetId: toolId,
      data: { serverId, category: input.category, risk: input.risk },
    });
  });
}
