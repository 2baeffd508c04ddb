import { apiHandler } from "@/server/api/api-handler";
import { rotateGrantRoute } from "@/server/api/routes/grant-routes";
import { rotateGrant } from "@/server/grants/rotate-grant";

export const POST = apiHandler(rotateGrantRoute, ({ deps, ctx, params }) =>
  rotateGrant(deps.db, ctx, params.grantId),
);
