import { apiHandler } from "@/server/api/api-handler";
import { validatePolicyRoute } from "@/server/api/routes/policy-routes";
import { checkPolicyDocument } from "@/server/policies/check-policy-document";

export const POST = apiHandler(validatePolicyRoute, ({ deps, ctx, params, body }) =>
  checkPolicyDocument(deps.db, ctx, params.serverId, body.document),
);
