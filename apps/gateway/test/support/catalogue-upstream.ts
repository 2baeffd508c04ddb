import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type CatalogueEntry, type Db, saveCatalogue } from "@toolgate/db";
import { classifyTool } from "@toolgate/policy-core";
import { hashToolDefinition, upstreamToolSchema } from "@toolgate/upstream";

/** Catalogues a server as the dashboard does when it is added: its tools/list, hashed and pinned. */
export async function catalogueUpstream(
  db: Db,
  target: { tenantId: string; serverId: string; upstreamUrl: string },
  leaveOut: string[] = [],
): Promise<CatalogueEntry[]> {
  const client = new Client({ name: "catalogue", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(target.upstreamUrl)));
  const { tools } = await client.listTools();
  await client.close();
  const entries = tools
    .map((listed) => upstreamToolSchema.parse(listed))
    .filter((tool) => !leaveOut.includes(tool.name))
    .map((tool) => {
      const riskClass = classifyTool(tool);
      return {
        name: tool.name,
        description: tool.description ?? "",
        inputSchema: tool.inputSchema,
        annotations: tool.annotations ?? null,
        category: riskClass.category,
        risk: riskClass.risk,
        riskReason: riskClass.reason,
        definitionHash: hashToolDefinition(tool),
      };
    });
  await saveCatalogue(db, target.tenantId, target.serverId, entries);
  return entries;
}
