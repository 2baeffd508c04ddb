import type { Db } from "@toolgate/db";
import { diffPolicyDocuments } from "@toolgate/policy-core";
import type { SessionContext } from "../context";
import { getPolicyVersion } from "./get-policy-version";

/** What changed between two published versions of a server's policy, as JSON pointers. */
export async function diffPolicyVersions(
  db: Db,
  ctx: SessionContext,
  serverId: string,
  versions: { from: number; to: number },
) {
  const [from, to] = await Promise.all([
    getPolicyVersion(db, ctx, serverId, versions.from),
    getPolicyVersion(db, ctx, serverId, versions.to),
  ]);
  // Stored documents come back in jsonb's key order, not the author's: sort for a stable answer.
  const changes = diffPolicyDocuments(from.document, to.document).sort((a, b) => (a.path < b.path ? -1 : 1));
  return { from: from.version, to: to.version, changes };
}
