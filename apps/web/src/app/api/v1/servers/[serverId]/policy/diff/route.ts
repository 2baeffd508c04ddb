import { apiHandler } from "@/server/api/api-handler";
import { diffPolicyRoute } from "@/server/api/routes/policy-routes";
import { AppError } from "@/server/app-error";
import { diffPolicyVersions } from "@/server/policies/diff-policy-versions";
import { getPolicy } from "@/server/policies/get-policy";

export const GET = apiHandler(diffPolicyRoute, async ({ deps, ctx, params, query }) => {
  const to = query.to ?? (await getPolicy(deps.db, ctx, params.serverId)).version;
  if (to === null) throw new AppError("not_found", "This server has no published policy yet.");
  return diffPolicyVersions(deps.db, ctx, params.serverId, { from: query.from, to });
});
