import { apiHandler } from "@/server/api/api-handler";
import { listAuditRoute } from "@/server/api/routes/audit-routes";
import { listAuditEvents } from "@/server/audit/list-audit-events";

export const GET = apiHandler(listAuditRoute, async ({ deps, ctx, query }) => ({
  events: await listAuditEvents(deps.db, ctx, query.limit),
}));
