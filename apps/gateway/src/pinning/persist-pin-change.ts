import { type Db, newId, notifyChange, Prisma, recordAudit } from "@toolgate/db";
import { classifyTool } from "@toolgate/policy-core";
import type { UpstreamTool } from "@toolgate/upstream";
import type { PinChange } from "./review-tool-list";

// A parsed tools/list entry is JSON by construction.
function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

function definitionColumns(tool: UpstreamTool, hash: string) {
  const riskClass = classifyTool(tool);
  return {
    description: tool.description ?? "",
    inputSchema: asJson(tool.inputSchema),
    annotations: tool.annotations === undefined ? Prisma.DbNull : asJson(tool.annotations),
    category: riskClass.category,
    risk: riskClass.risk,
    riskReason: riskClass.reason,
    definitionHash: hash,
  };
}

const GATEWAY = { actorUserId: null, actorLabel: "gateway" };

/**
 * Records one pinning change. Every write is conditional on the state it replaces, so when several
 * gateways see the same change only one records (and audits) it. A new quarantine is broadcast so
 * every gateway denies the tool at once. Returns true when this call recorded a new quarantine.
 */
export async function persistPinChange(
  db: Db,
  where: { tenantId: string; serverId: string },
  change: PinChange,
): Promise<boolean> {
  const { tenantId, serverId } = where;
  const name = change.tool.name;
  switch (change.kind) {
    case "discovered": {
      // The tool and its audit event commit together.
      await db.$transaction(async (tx) => {
        const { count } = await tx.tool.createMany({
          data: [
            {
              id: newId("tool"),
              tenantId,
              serverId,
              name,
              ...definitionColumns(change.tool, change.hash),
              pinState: "unreviewed",
            },
          ],
          skipDuplicates: true,
        });
        if (count === 0) return;
        await recordAudit(tx, tenantId, {
          ...GATEWAY,
          action: "tool.discovered",
          targetType: "tool",
          targetId: name,
          data: { serverId, name, hash: change.hash },
        });
      });
      return false;
    }
    case "quarantined": {
      // The quarantine and its audit event commit together; other gateways hear of it after the commit.
      const quarantined = await db.$transaction(async (tx) => {
        const { count } = await tx.tool.updateMany({
          where: { tenantId, serverId, name, pinState: "pinned", definitionHash: change.entry.hash },
          data: { pinState: "quarantined", pendingDefinition: asJson(change.tool), pendingHash: change.hash },
        });
        if (count === 0) return false;
        await recordAudit(tx, tenantId, {
          ...GATEWAY,
          action: "tool.quarantined",
          targetType: "tool",
          targetId: change.entry.id,
          data: { serverId, name, from: change.entry.hash, to: change.hash },
        });
        return true;
      });
      if (quarantined) await notifyChange(db, { kind: "server", tenantId, serverId });
      return quarantined;
    }
    case "pending_replaced":
      await db.tool.updateMany({
        where: { tenantId, serverId, name, pinState: "quarantined", pendingHash: { not: change.hash } },
        data: { pendingDefinition: asJson(change.tool), pendingHash: change.hash },
      });
      return false;
    case "unreviewed_updated":
      await db.tool.updateMany({
        where: { tenantId, serverId, name, pinState: "unreviewed" },
        data: definitionColumns(change.tool, change.hash),
      });
      return false;
  }
}
