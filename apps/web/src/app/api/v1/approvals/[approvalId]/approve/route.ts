import { apiHandler } from "@/server/api/api-handler";
import { approveRoute } from "@/server/api/routes/approval-routes";
import { decideApproval } from "@/server/approvals/decide-approval";

export const POST = apiHandler(approveRoute, async ({ deps, ctx, params, body }) => ({
  approval: await decideApproval(deps.db, ctx, params.approvalId, {
    decision: "approved",
    reason: body.reason,
  }),
}));
