import { type Db, getCurrentPolicy, getServer, listPolicyVersions as listVersionRows } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toPolicyVersionSummary } from "./policy-version-view";

/** Every published version of a server's policy, newest first. */
export async function listPolicyVersions(db: Db, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "read");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const [rows, current] = await Promise.all([
    listVersionRows(db, ctx.tenantId, server.id),
    getCurrentPolicy(db, ctx.tenantId, server.id),
  ]);
  return rows.map((row) => toPolicyVersionSummary(row, current?.version ?? null));
}
