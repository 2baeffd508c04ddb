import { apiHandler } from "@/server/api/api-handler";
import { addServerRoute, listServersRoute } from "@/server/api/routes/server-routes";
import { addServer } from "@/server/servers/add-server";
import { listServers } from "@/server/servers/list-servers";

export const GET = apiHandler(listServersRoute, async ({ deps, ctx }) => ({
  servers: await listServers(deps.db, ctx),
}));

export const POST = apiHandler(addServerRoute, ({ deps, ctx, body }) => addServer(deps, ctx, body));
