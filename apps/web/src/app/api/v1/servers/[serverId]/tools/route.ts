import { apiHandler } from "@/server/api/api-handler";
import { listToolsRoute } from "@/server/api/routes/catalogue-routes";
import { listCatalogue } from "@/server/catalogue/list-catalogue";

export const GET = apiHandler(listToolsRoute, async ({ deps, ctx, params }) => ({
  tools: await listCatalogue(deps.db, ctx, params.serverId),
}));
