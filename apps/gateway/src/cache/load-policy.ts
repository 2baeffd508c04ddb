import { type Db, getCurrentPolicy } from "@toolgate/db";
import { compilePolicy, parsePolicy } from "@toolgate/policy-core";
import type { Logger } from "pino";
import type { CachedPolicy } from "./cached-types";

/** Loads and compiles the published policy of a server; null when none is published (or it is unreadable). */
export async function loadPolicy(
  db: Db,
  logger: Logger,
  tenantId: string,
  serverId: string,
): Promise<CachedPolicy> {
  const current = await getCurrentPolicy(db, tenantId, serverId);
  if (current === null) return null;
  const parsed = parsePolicy(current.document);
  if (!parsed.ok) {
    // Publishing validates, so this means a corrupt row; failing closed (deny all) is the safe answer.
    logger.error(
      { serverId, version: current.version, issues: parsed.issues },
      "published policy is invalid",
    );
    return null;
  }
  return { compiled: compilePolicy(parsed.policy), version: current.version };
}
