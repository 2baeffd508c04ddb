import { apiHandler } from "@/server/api/api-handler";
import { denyRoute } from "@/server/api/routes/approval-routes";
import { decideApproval } from "@/server/approvals/decide-approval";

export const POST = apiHandler(denyRoute, async ({ deps, ctx, params, body }) => ({
  approval: await decideApproval(deps.db, ctx, params.approvalId, {
    decision: "denied",
    reason: body.reason,
  }),
}));
