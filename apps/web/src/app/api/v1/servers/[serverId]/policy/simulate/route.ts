import { ApiError } from "@/server/api/api-error";
import { apiHandler } from "@/server/api/api-handler";
import { simulatePolicyRoute } from "@/server/api/routes/policy-routes";
import { simulatePolicy } from "@/server/policies/simulate-policy";

export const POST = apiHandler(simulatePolicyRoute, async ({ deps, ctx, params, body }) => {
  const result = await simulatePolicy(deps.db, ctx, params.serverId, body);
  if (!result.ok) {
    throw new ApiError("invalid_policy", 400, "The draft policy is not valid.", { issues: result.issues });
  }
  return { policyVersion: result.policyVersion, decision: result.decision, explanation: result.explanation };
});
