import type { Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { listPolicyVersions } from "./list-policy-versions";

export type HistoryEntry = {
  version: number;
  message: string;
  author: string;
  createdAt: string;
  current: boolean;
  document: unknown;
};

const MAX_VERSIONS = 50;

/**
 * The newest published versions of a server's policy with their documents and authors'
 * emails, for the builder's history and diffs.
 */
export async function builderHistory(db: Db, ctx: SessionContext, serverId: string): Promise<HistoryEntry[]> {
  assertCan(ctx, "read");
  const summaries = (await listPolicyVersions(db, ctx, serverId)).slice(0, MAX_VERSIONS);
  const numbers = summaries.map((summary) => summary.version);
  const authorIds = [
    ...new Set(summaries.flatMap((summary) => (summary.authorId ? [summary.authorId] : []))),
  ];
  const [rows, members] = await Promise.all([
    db.policyVersion.findMany({
      where: {
        tenantId: ctx.tenantId,
        version: { in: numbers },
        policy: { serverId, tenantId: ctx.tenantId },
      },
      select: { version: true, document: true },
    }),
    // Only members of this tenant: an author who left shows as "former member".
    db.membership.findMany({
      where: { tenantId: ctx.tenantId, userId: { in: authorIds } },
      select: { userId: true, user: { select: { email: true } } },
    }),
  ]);
  const documents = new Map(rows.map((row) => [row.version, row.document]));
  const emails = new Map(members.map((member) => [member.userId, member.user.email]));
  return summaries.map((summary) => ({
    version: summary.version,
    message: summary.message,
    author: summary.authorId === null ? "API" : (emails.get(summary.authorId) ?? "former member"),
    createdAt: summary.createdAt.toISOString(),
    current: summary.current,
    document: documents.get(summary.version) ?? null,
  }));
}
