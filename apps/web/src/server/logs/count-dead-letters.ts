import { countCallLogDeadLetters, type Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** How many of the tenant's call records Postgres refused to store (kept, with the reason, as dead letters). */
export async function countDeadLetters(db: Db, ctx: SessionContext): Promise<number> {
  assertCan(ctx, "read");
  return countCallLogDeadLetters(db, ctx.tenantId);
}
