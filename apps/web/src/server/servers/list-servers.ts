import { type Db, listServers as listServerRows } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { toServerView } from "./server-view";

/** The tenant's servers, oldest first, safe to render. */
export async function listServers(db: Db, ctx: SessionContext) {
  assertCan(ctx, "read");
  const servers = await listServerRows(db, ctx.tenantId);
  return servers.map(toServerView);
}
