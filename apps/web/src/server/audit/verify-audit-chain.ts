import { type AuditChainReport, type Db, verifyAuditChain as verifyChain } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** Recomputes the tenant's audit hash chain; reports the first edited, missing or re-linked event. */
export async function verifyAuditChain(db: Db, ctx: SessionContext): Promise<AuditChainReport> {
  assertCan(ctx, "read_audit");
  return verifyChain(db, ctx.tenantId);
}
