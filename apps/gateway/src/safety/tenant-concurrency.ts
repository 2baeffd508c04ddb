/**
 * Counts each tenant's requests in flight to its upstreams and refuses more than `max` at once, so one
 * tenant whose upstream hangs holds at most `max` sockets and handlers, and others keep being served.
 */
export class TenantConcurrency {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a slot; returns the function that gives it back, or null when the tenant is at its cap. */
  acquire(tenantId: string): (() => void) | null {
    const current = this.inFlight.get(tenantId) ?? 0;
    if (current >= this.max) return null;
    this.inFlight.set(tenantId, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(tenantId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(tenantId);
      else this.inFlight.set(tenantId, left);
    };
  }

  /** Tenants with requests in flight, and how many each. */
  entries(): IterableIterator<[string, number]> {
    return this.inFlight.entries();
  }

  /** Requests in flight for a tenant. */
  count(tenantId: string): number {
    return this.inFlight.get(tenantId) ?? 0;
  }
}
