import { apiHandler } from "@/server/api/api-handler";
import { updateGrantRoute } from "@/server/api/routes/grant-routes";
import { updateGrant } from "@/server/grants/update-grant";

export const PATCH = apiHandler(updateGrantRoute, async ({ deps, ctx, params, body }) => ({
  grant: await updateGrant(deps.db, ctx, params.grantId, body),
}));
