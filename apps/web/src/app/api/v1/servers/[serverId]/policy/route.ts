import { apiHandler } from "@/server/api/api-handler";
import { getPolicyRoute } from "@/server/api/routes/policy-routes";
import { getPolicy } from "@/server/policies/get-policy";

export const GET = apiHandler(getPolicyRoute, ({ deps, ctx, params }) =>
  getPolicy(deps.db, ctx, params.serverId),
);
