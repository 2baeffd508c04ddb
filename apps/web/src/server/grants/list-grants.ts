import { type Db, listGrants as listGrantRows } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { toGrantView } from "./grant-view";

/** The tenant's grants as rendered in the dashboard. */
export async function listGrants(db: Db, ctx: SessionContext) {
  assertCan(ctx, "read");
  const now = new Date();
  const grants = await listGrantRows(db, ctx.tenantId);
  return grants.map((grant) => toGrantView(grant, now));
}
