import { type DbClient, inTransaction, newId, Prisma } from "@toolgate/db";
import type { UpstreamTool } from "@toolgate/upstream";
import { toCatalogueEntry } from "./catalogue-entry";

export type ScanSummary = { added: number; changed: number; unchanged: number; missing: number };

function asJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/**
 * Stores a re-scan of a catalogued server without trusting the upstream: a tool seen for the
 * first time is `unreviewed`, and a reviewed tool whose definition changed is `quarantined`
 * with the change kept as pending until someone accepts it.
 */
export async function applyScan(
  db: DbClient,
  tenantId: string,
  serverId: string,
  tools: UpstreamTool[],
): Promise<ScanSummary> {
  return inTransaction(
    db,
    async (tx) => {
      const existing = new Map(
        (await tx.tool.findMany({ where: { tenantId, serverId } })).map((row) => [row.name, row]),
      );
      const summary: ScanSummary = { added: 0, changed: 0, unchanged: 0, missing: 0 };
      for (const tool of tools) {
        const entry = toCatalogueEntry(tool);
        const row = existing.get(tool.name);
        existing.delete(tool.name);
        if (row === undefined) {
          summary.added += 1;
          await tx.tool.create({
            data: {
              ...entry,
              id: newId("tool"),
              tenantId,
              serverId,
              inputSchema: asJson(entry.inputSchema),
              annotations: entry.annotations === null ? Prisma.DbNull : asJson(entry.annotations),
              pinState: "unreviewed",
            },
          });
        } else if (row.definitionHash === entry.definitionHash) {
          summary.unchanged += 1;
        } else if (row.pinState === "unreviewed") {
          // Never reviewed: nothing to protect, so the catalogue simply follows the upstream.
          summary.changed += 1;
          await tx.tool.update({
            where: { id: row.id },
            data: {
              ...entry,
              inputSchema: asJson(entry.inputSchema),
              annotations: entry.annotations === null ? Prisma.DbNull : asJson(entry.annotations),
            },
          });
        } else if (row.pendingHash !== entry.definitionHash) {
          summary.changed += 1;
          await tx.tool.update({
            where: { id: row.id },
            data: {
              pinState: "quarantined",
              pendingDefinition: asJson(tool),
              pendingHash: entry.definitionHash,
            },
          });
        } else {
          summary.unchanged += 1;
        }
      }
      summary.missing = existing.size;
      await tx.server.updateMany({ where: { id: serverId, tenantId }, data: { lastScannedAt: new Date() } });
      return summary;
    },
    { timeout: 30_000 },
  );
}
