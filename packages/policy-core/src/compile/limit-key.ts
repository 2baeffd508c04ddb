import type { LimitCheck } from "../decision";
import type { CompiledLimit } from "./compiled-policy";

/**
 * Ids go into keys between ":" separators; escape the rare id that contains one, "%", or a brace
 * (which would break the hash tag).
 */
function keyPart(id: string): string {
  return /[:%{}]/.test(id) ? encodeURIComponent(id) : id;
}

/**
 * The counter check for one limit and call. Keys: grant "tg:rl:{<tenant>}:<server>:g:<grant>:…",
 * session "…:s:<session>:…", server "tg:rl:{<tenant>}:<server>:v:…", tenant "tg:rl:{<tenant>}:t:…",
 * each ending "<counter>:<windowSeconds>". The tenant is the key's Redis Cluster hash tag: every
 * counter of a call belongs to its tenant, so they share one slot and one script can check them all. A session-scoped limit on a call without a session
 * id falls back to the grant's key (and reports scope "grant").
 */
export function limitCheck(
  limit: CompiledLimit,
  tenantId: string,
  serverId: string,
  grantId: string,
  sessionId: string | undefined,
): LimitCheck {
  let key: string;
  let scope = limit.scope;
  switch (scope) {
    case "tenant":
      key = `tg:rl:{${keyPart(tenantId)}}:t:${limit.keyTail}`;
      break;
    case "server":
      key = `tg:rl:{${keyPart(tenantId)}}:${keyPart(serverId)}:v:${limit.keyTail}`;
      break;
    case "session":
      if (sessionId !== undefined && sessionId !== "") {
        key = `tg:rl:{${keyPart(tenantId)}}:${keyPart(serverId)}:s:${keyPart(sessionId)}:${limit.keyTail}`;
        break;
      }
      scope = "grant";
      key = `tg:rl:{${keyPart(tenantId)}}:${keyPart(serverId)}:g:${keyPart(grantId)}:${limit.keyTail}`;
      break;
    case "grant":
      key = `tg:rl:{${keyPart(tenantId)}}:${keyPart(serverId)}:g:${keyPart(grantId)}:${limit.keyTail}`;
      break;
  }
  return {
    key,
    counter: limit.counter,
    scope,
    windowSeconds: limit.windowSeconds,
    max: limit.max,
    rule: limit.rule,
  };
}
