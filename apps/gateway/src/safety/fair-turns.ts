/**
 * Starts requests in turns of the event loop, round-robin across tenants, so that a tenant firing a
 * thousand requests at once waits behind the others instead of making them wait behind its burst.
 *
 * While the loop keeps up, a request starts at once. Once the requests started since the loop last came
 * round have kept it busy for `sliceMs`, each further request waits in its tenant's queue, and so does
 * every later request of a tenant that has some waiting (a tenant's requests keep their order). Each time
 * round (setImmediate, after the loop has read new requests), up to `startsPerTurn` waiting requests
 * start, one per tenant in turn. A quiet tenant's request thus waits for one turn, not for a burst.
 */
export class FairTurns {
  /** Waiting requests per tenant; insertion order is the round-robin order. */
  private readonly queues = new Map<string, Array<() => void>>();
  private waiting = 0;
  /** When the first request since the loop last came round started; null before it. */
  private busySince: number | null = null;
  private turnScheduled = false;

  constructor(
    private readonly options: {
      /** How long requests may keep one pass of the loop busy before others wait for a turn. */
      sliceMs: number;
      /** Waiting requests started per turn, one per tenant in turn. */
      startsPerTurn: number;
      /** A tenant's waiting requests beyond this are refused. */
      maxWaitingPerTenant: number;
      now?: () => number;
    },
  ) {}

  /** Starts `start` now or queues it behind its tenant's waiting requests; false when that queue is full. */
  enter(tenant: string, start: () => void): boolean {
    const queue = this.queues.get(tenant);
    if (queue === undefined && !this.sliceUsed()) {
      start();
      return true;
    }
    if (queue === undefined) this.queues.set(tenant, [start]);
    else if (queue.length >= this.options.maxWaitingPerTenant) return false;
    else queue.push(start);
    this.waiting += 1;
    this.scheduleTurn();
    return true;
  }

  get maxWaitingPerTenant(): number {
    return this.options.maxWaitingPerTenant;
  }

  /** Requests waiting for a turn, all tenants together. */
  get waitingCount(): number {
    return this.waiting;
  }

  private sliceUsed(): boolean {
    const now = this.now();
    if (this.busySince === null) {
      this.busySince = now;
      // The loop comes round after the reads of this pass: then the slice starts afresh.
      this.scheduleTurn();
      return false;
    }
    return now - this.busySince >= this.options.sliceMs;
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.turnScheduled = false;
    this.busySince = null;
    for (let started = 0; started < this.options.startsPerTurn && this.waiting > 0; started += 1) {
      const [tenant, queue] = this.queues.entries().next().value as [string, Array<() => void>];
      const start = queue.shift() as () => void;
      // To the back of the round: delete, and set again if it has more waiting.
      this.queues.delete(tenant);
      if (queue.length > 0) this.queues.set(tenant, queue);
      this.waiting -= 1;
      start();
    }
    // The requests just started run on in microtasks after this; the next pass's reads come first.
    if (this.waiting > 0) this.scheduleTurn();
  }

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }
}
