import type { Db } from "@toolgate/db";
import type { SessionContext } from "../context";
import { getPolicyVersion } from "./get-policy-version";
import { jsonDiff } from "./json-diff";

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
  return { from: from.version, to: to.version, changes: jsonDiff(from.document, to.document) };
}
