import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** A Lua script run by EVALSHA; sent to Redis only the first time, or again if Redis lost it (restart, flush). */
export class RedisScript {
  private readonly sha: string;

  constructor(
    private readonly redis: Redis,
    private readonly source: string,
  ) {
    this.sha = createHash("sha1").update(source).digest("hex");
  }

  async run(keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      await this.redis.script("LOAD", this.source);
      return await this.redis.evalsha(this.sha, keys.length, ...keys, ...args);
    }
  }
}

// Redis reports a missing script with a reply starting "NOSCRIPT"; that prefix is part of its protocol.
function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOSCRIPT");
}
