import { z } from "zod";
import { defineRoute } from "../api-route";
import { isoDateSchema, serverIdParams } from "../schemas";

const categorySchema = z.enum(["Read", "Write", "Execute", "Destructive"]);
const riskSchema = z.enum(["Low", "Medium", "High", "Critical"]);

const toolSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    inputSchema: z.unknown(),
    annotations: z.unknown(),
    category: categorySchema,
    risk: riskSchema,
    riskReason: z.string(),
    classified: z.object({ category: categorySchema, risk: riskSchema }),
    pinState: z.enum(["pinned", "unreviewed", "quarantined"]),
    definitionHash: z.string(),
    pendingDefinition: z.unknown(),
    pendingHash: z.string().nullable(),
    firstSeenAt: isoDateSchema,
    updatedAt: isoDateSchema,
  })
  .meta({ id: "Tool" });

export const listToolsRoute = defineRoute({
  operationId: "listTools",
  method: "GET",
  path: "/servers/{serverId}/tools",
  summary: "The server's catalogue: tools with risk classes and pinning state",
  tag: "catalogue",
  minimumRole: "viewer",
  params: serverIdParams,
  response: z.object({ tools: z.array(toolSchema) }),
});

export const acceptToolRoute = defineRoute({
  operationId: "acceptToolDefinition",
  method: "POST",
  path: "/servers/{serverId}/tools/{toolId}/accept",
  summary: "Accept a tool's changed definition (or pin an unreviewed tool)",
  tag: "catalogue",
  minimumRole: "policy_manager",
  params: serverIdParams.extend({ toolId: z.string().min(1).max(100) }),
  response: z.object({ tool: toolSchema }),
});
