import { apiHandler } from "@/server/api/api-handler";
import { getPolicyVersionRoute } from "@/server/api/routes/policy-routes";
import { getPolicyVersion } from "@/server/policies/get-policy-version";

export const GET = apiHandler(getPolicyVersionRoute, ({ deps, ctx, params }) =>
  getPolicyVersion(deps.db, ctx, params.serverId, params.version),
);
