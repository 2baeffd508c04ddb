import { createHash } from "node:crypto";
import type { RedisConnection } from "../runtime/redis-target";

/**
 * A Lua script run by EVALSHA; sent to Redis only the first time, or again if Redis lost it (restart,
 * flush, or a cluster node that never ran it). The fallback is EVAL, which goes to the node of the
 * keys' slot and caches the script there (SCRIPT LOAD would go to any node of a cluster).
 */
export class RedisScript {
  private readonly sha: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly source: string,
  ) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return await this.redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

// Redis reports a missing script with a reply starting "NOSCRIPT"; that prefix is part of its protocol.
function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOSCRIPT");
}
