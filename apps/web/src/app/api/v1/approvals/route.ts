import { apiHandler } from "@/server/api/api-handler";
import { listApprovalsRoute } from "@/server/api/routes/approval-routes";
import { listPendingApprovals } from "@/server/approvals/list-pending-approvals";

export const GET = apiHandler(listApprovalsRoute, async ({ deps, ctx }) => ({
  approvals: await listPendingApprovals(deps.db, ctx),
}));
