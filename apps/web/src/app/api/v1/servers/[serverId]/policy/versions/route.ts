import { ApiError } from "@/server/api/api-error";
import { apiHandler } from "@/server/api/api-handler";
import { listPolicyVersionsRoute, publishPolicyRoute } from "@/server/api/routes/policy-routes";
import { getPolicy } from "@/server/policies/get-policy";
import { listPolicyVersions } from "@/server/policies/list-policy-versions";
import { publishPolicy } from "@/server/policies/publish-policy";

export const GET = apiHandler(listPolicyVersionsRoute, async ({ deps, ctx, params }) => ({
  versions: await listPolicyVersions(deps.db, ctx, params.serverId),
}));

export const POST = apiHandler(publishPolicyRoute, async ({ deps, ctx, params, body }) => {
  // Without a baseVersion the caller asks to publish over whatever is current.
  const baseVersion =
    body.baseVersion === undefined
      ? (await getPolicy(deps.db, ctx, params.serverId)).version
      : body.baseVersion;
  const result = await publishPolicy(deps.db, ctx, {
    serverId: params.serverId,
    documentText: JSON.stringify(body.document),
    baseVersion,
    message: body.message,
  });
  if (!result.ok)
    throw new ApiError("invalid_policy", 400, "The policy is not valid.", { issues: result.issues });
  return { version: result.version };
});
