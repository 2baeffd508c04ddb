import type { Db } from "../create-db";
import { NotFoundError } from "../errors";
import type { RiskLevel, Tool, ToolCategory } from "../generated/prisma/client";
import { toJson, toNullableJson } from "../json-input";
import { newId } from "../new-id";
import { type DbClient, inTransaction } from "../transaction";

export type CatalogueEntry = {
  name: string;
  description: string;
  inputSchema: unknown;
  annotations: unknown | null;
  category: ToolCategory;
  risk: RiskLevel;
  riskReason: string;
  definitionHash: string;
};

/** Stores a `tools/list` scan: upserts each tool by name and stamps the server's lastScannedAt. */
export async function saveCatalogue(
  db: DbClient,
  tenantId: string,
  serverId: string,
  tools: CatalogueEntry[],
): Promise<Tool[]> {
  return inTransaction(
    db,
    async (tx) => {
      const { count } = await tx.server.updateMany({
        where: { id: serverId, tenantId },
        data: { lastScannedAt: new Date() },
      });
      if (count === 0) throw new NotFoundError("Server", serverId);
      for (const tool of tools) {
        const definition = {
          description: tool.description,
          inputSchema: toJson(tool.inputSchema),
          annotations: toNullableJson(tool.annotations),
          category: tool.category,
          risk: tool.risk,
          riskReason: tool.riskReason,
          definitionHash: tool.definitionHash,
        };
        await tx.tool.upsert({
          where: { serverId_name: { serverId, name: tool.name } },
          create: { id: newId("tool"), tenantId, serverId, name: tool.name, ...definition },
          update: definition,
        });
      }
      return tx.tool.findMany({ where: { tenantId, serverId }, orderBy: { name: "asc" } });
    },
    // one upsert per tool: a large catalogue needs more than Prisma's 5 s default
    { timeout: 30_000 },
  );
}

/** The server's catalogue, by name (empty if the server is not the tenant's). */
export async function listTools(db: Db, tenantId: string, serverId: string): Promise<Tool[]> {
  return db.tool.findMany({ where: { tenantId, serverId }, orderBy: { name: "asc" } });
}
