import { apiHandler } from "@/server/api/api-handler";
import { rescanServerRoute } from "@/server/api/routes/server-routes";
import { rescanServer } from "@/server/servers/rescan-server";

export const POST = apiHandler(rescanServerRoute, ({ deps, ctx, params }) =>
  rescanServer(deps, ctx, params.serverId),
);
