import { type DbClient, inTransaction, notifyChange, Prisma, recordAudit } from "@toolgate/db";
import { classifyTool } from "@toolgate/policy-core";
import { upstreamToolSchema } from "@toolgate/upstream";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toCatalogueToolView } from "./catalogue-tool-view";

// Values read back from a Json column (or an upstream's tools/list) are JSON by construction.
function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/** The columns a pending definition replaces, re-classified, or nothing if there is none. */
function pendingColumns(pendingDefinition: unknown) {
  const pending = upstreamToolSchema.safeParse(pendingDefinition);
  if (!pending.success) return {};
  const riskClass = classifyTool(pending.data);
  return {
    description: pending.data.description ?? "",
    inputSchema: asJson(pending.data.inputSchema ?? {}),
    annotations: pending.data.annotations === undefined ? Prisma.DbNull : asJson(pending.data.annotations),
    category: riskClass.category,
    risk: riskClass.risk,
    riskReason: riskClass.reason,
  };
}

/**
 * Reviews a tool: its pending (changed) definition becomes the pinned one, or an unreviewed
 * tool is pinned as it is. The gateway reloads the server and lets the tool through again.
 */
export async function acceptToolDefinition(
  db: DbClient,
  ctx: SessionContext,
  serverId: string,
  toolId: string,
) {
  assertCan(ctx, "manage_servers");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const tool = await tx.tool.findFirst({ where: { id: toolId, serverId, tenantId: ctx.tenantId } });
    if (tool === null) throw new AppError("not_found", "Tool not found.");
    if (tool.pendingHash === null && tool.pinState === "pinned") {
      throw new AppError("conflict", `${tool.name} has no changed definition to accept.`);
    }
    const definition = tool.pendingHash === null ? {} : pendingColumns(tool.pendingDefinition);
    // Conditional on the hash we read, so a rescan landing meanwhile is not accepted unseen.
    const { count } = await tx.tool.updateMany({
      where: { id: tool.id, tenantId: ctx.tenantId, pendingHash: tool.pendingHash },
      data: {
        ...definition,
        definitionHash: tool.pendingHash ?? tool.definitionHash,
        pinState: "pinned",
        pendingDefinition: Prisma.DbNull,
        pendingHash: null,
      },
    });
    if (count === 0) throw new AppError("conflict", `${tool.name} changed again meanwhile; review it again.`);
    await notifyChange(tx, { kind: "server", tenantId: ctx.tenantId, serverId });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "tool.definition_accepted",
      targetType: "tool",
      targetId: tool.id,
      data: {
        serverId,
        name: tool.name,
        from: tool.definitionHash,
        to: tool.pendingHash ?? tool.definitionHash,
      },
    });
    const accepted = await tx.tool.findFirstOrThrow({ where: { id: tool.id, tenantId: ctx.tenantId } });
    return toCatalogueToolView(accepted);
  });
}
