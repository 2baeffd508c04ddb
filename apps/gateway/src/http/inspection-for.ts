import type { CachedPolicy } from "../cache/cached-types";
import { serverMessageFilter } from "../enforcement/server-message-filter";
import type { RequestId } from "../jsonrpc/parse-message";
import type { Inspection } from "../upstream/relay-response";
import type { Exchange } from "./exchange";

/**
 * How the upstream's answer to this exchange is inspected: every server→client message goes through
 * the server's current policy and pins. `policy` is passed when the caller already loaded it.
 */
export async function inspectionFor(
  exchange: Exchange,
  id: RequestId | undefined,
  watchCall: boolean,
  policy?: CachedPolicy,
): Promise<Inspection> {
  const { auth, services, draft } = exchange;
  const { tenantId, id: serverId } = auth.server;
  const [current, pinning] = await Promise.all([
    policy === undefined ? services.cache.policy(tenantId, serverId) : policy,
    services.pins.listFilter(tenantId, serverId),
  ]);
  draft.policyVersion ??= current?.version ?? null;
  return { id, watchCall, filter: serverMessageFilter(current, pinning, exchange.revision) };
}
