import { apiHandler } from "@/server/api/api-handler";
import { deleteServerRoute, getServerRoute, updateServerRoute } from "@/server/api/routes/server-routes";
import { deleteServer } from "@/server/servers/delete-server";
import { getServerDetail } from "@/server/servers/get-server-detail";
import { updateServer } from "@/server/servers/update-server";

export const GET = apiHandler(getServerRoute, async ({ deps, ctx, params }) => {
  const { server, gatewayUrl } = await getServerDetail(deps, ctx, params.serverId);
  return { server, gatewayUrl };
});

export const PATCH = apiHandler(updateServerRoute, ({ deps, ctx, params, body }) =>
  updateServer(deps, ctx, params.serverId, body),
);

export const DELETE = apiHandler(deleteServerRoute, async ({ deps, ctx, params }) => {
  await deleteServer(deps.db, ctx, params.serverId);
  return { deleted: true as const };
});
