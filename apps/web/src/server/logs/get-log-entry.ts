import type { Db } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toLogRowView } from "./list-logs";

/** One call record of the tenant, for the detail drawer. */
export async function getLogEntry(db: Db, ctx: SessionContext, logId: string) {
  assertCan(ctx, "read");
  const row = await db.callLog.findFirst({ where: { id: logId, tenantId: ctx.tenantId } });
  if (row === null) throw new AppError("not_found", "Call record not found.");
  return toLogRowView(row);
}
