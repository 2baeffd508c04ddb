import { apiHandler } from "@/server/api/api-handler";
import { revokeGrantRoute } from "@/server/api/routes/grant-routes";
import { revokeGrant } from "@/server/grants/revoke-grant";

export const POST = apiHandler(revokeGrantRoute, async ({ deps, ctx, params }) => ({
  grant: await revokeGrant(deps.db, ctx, params.grantId),
}));
