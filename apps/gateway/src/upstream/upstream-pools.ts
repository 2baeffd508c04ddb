import { type AddressPolicy, guardedLookup } from "@toolgate/upstream";
import { Pool } from "undici";

/** One keep-alive connection pool per upstream origin, shared by every session and grant that uses it. */
export class UpstreamPools {
  private readonly pools = new Map<string, Pool>();
  private readonly connect: Pool.Options["connect"];

  constructor(addressPolicy: AddressPolicy, connectTimeoutMs = 10_000) {
    // The URL was checked when the server was loaded; this lookup checks again at every connect, so
    // a host name whose DNS answer changes later (rebinding) still cannot reach a blocked address.
    this.connect = { lookup: guardedLookup(addressPolicy), timeout: connectTimeoutMs };
  }

  get(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (pool === undefined) {
      // No cap on connections: each open SSE stream (GET, or a long tool call) holds one for its whole
      // life, and a capped pool would queue every other call behind them. Idle ones are reused.
      pool = new Pool(origin, { keepAliveTimeout: 30_000, pipelining: 1, connect: this.connect });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }
}
