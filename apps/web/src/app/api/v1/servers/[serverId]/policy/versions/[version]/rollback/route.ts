import { apiHandler } from "@/server/api/api-handler";
import { rollbackPolicyRoute } from "@/server/api/routes/policy-routes";
import { rollbackPolicy } from "@/server/policies/rollback-policy";

export const POST = apiHandler(rollbackPolicyRoute, ({ deps, ctx, params, body }) =>
  rollbackPolicy(deps.db, ctx, params.serverId, { version: params.version, ...body }),
);
