import { apiHandler } from "@/server/api/api-handler";
import { verifyAuditRoute } from "@/server/api/routes/audit-routes";
import { verifyAuditChain } from "@/server/audit/verify-audit-chain";

export const GET = apiHandler(verifyAuditRoute, async ({ deps, ctx }) => verifyAuditChain(deps.db, ctx));
