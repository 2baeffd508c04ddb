import { type Db, getCurrentPolicy } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toPolicyVersionSummary } from "./policy-version-view";

/** One published version of a server's policy, with its document. */
export async function getPolicyVersion(db: Db, ctx: SessionContext, serverId: string, version: number) {
  assertCan(ctx, "read");
  const row = await db.policyVersion.findFirst({
    where: { tenantId: ctx.tenantId, version, policy: { serverId, tenantId: ctx.tenantId } },
  });
  if (row === null) throw new AppError("not_found", `Policy version ${version} not found.`);
  const current = await getCurrentPolicy(db, ctx.tenantId, serverId);
  return { ...toPolicyVersionSummary(row, current?.version ?? null), document: row.document };
}
