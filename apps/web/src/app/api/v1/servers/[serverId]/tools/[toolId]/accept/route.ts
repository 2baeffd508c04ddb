import { apiHandler } from "@/server/api/api-handler";
import { acceptToolRoute } from "@/server/api/routes/catalogue-routes";
import { acceptToolDefinition } from "@/server/catalogue/accept-tool-definition";

export const POST = apiHandler(acceptToolRoute, async ({ deps, ctx, params }) => ({
  tool: await acceptToolDefinition(deps.db, ctx, params.serverId, params.toolId),
}));
