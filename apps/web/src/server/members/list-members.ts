import { type Db, listMembers as listMemberRows } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** The organisation's members with email and role; every member may see who else is in it. */
export async function listMembers(db: Db, ctx: SessionContext) {
  assertCan(ctx, "read");
  const rows = await listMemberRows(db, ctx.tenantId);
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.role,
    joinedAt: row.createdAt,
    isYou: row.userId === ctx.userId,
  }));
}
