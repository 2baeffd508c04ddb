import type { Db } from "@toolgate/db";
import { AppError } from "../app-error";
import type { SessionContext } from "../context";
import { getPolicyVersion } from "./get-policy-version";
import { publishPolicy } from "./publish-policy";

/** Publishes an old version's document anew, as the next version (history is never rewritten). */
export async function rollbackPolicy(
  db: Db,
  ctx: SessionContext,
  serverId: string,
  input: { version: number; message?: string | undefined; baseVersion?: number | null | undefined },
) {
  const old = await getPolicyVersion(db, ctx, serverId, input.version);
  const current =
    input.baseVersion === undefined ? await currentVersion(db, ctx, serverId) : input.baseVersion;
  const result = await publishPolicy(db, ctx, {
    serverId,
    documentText: JSON.stringify(old.document),
    baseVersion: current,
    message: input.message ?? `Roll back to version ${old.version}`,
  });
  // A stored version validated when it was published; the schema may since have tightened.
  if (!result.ok) {
    throw new AppError(
      "invalid_input",
      `Version ${old.version} no longer validates: ${result.issues[0]?.message}`,
    );
  }
  return { version: result.version, restoredFrom: old.version };
}

async function currentVersion(db: Db, ctx: SessionContext, serverId: string): Promise<number | null> {
  const latest = await db.policy.findFirst({ where: { serverId, tenantId: ctx.tenantId } });
  return latest?.currentVersion ?? null;
}
