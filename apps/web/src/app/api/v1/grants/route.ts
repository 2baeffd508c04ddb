import { apiHandler } from "@/server/api/api-handler";
import { createGrantRoute, listGrantsRoute } from "@/server/api/routes/grant-routes";
import { createGrant } from "@/server/grants/create-grant";
import { listGrants } from "@/server/grants/list-grants";

export const GET = apiHandler(listGrantsRoute, async ({ deps, ctx }) => ({
  grants: await listGrants(deps.db, ctx),
}));

export const POST = apiHandler(createGrantRoute, ({ deps, ctx, body }) => createGrant(deps.db, ctx, body));
