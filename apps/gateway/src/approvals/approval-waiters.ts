export type WakeReason = "notified" | "timeout" | "aborted";

/**
 * Calls held for a human decision, by approval id. A change notification wakes the calls waiting on
 * that approval; each wait also ends at its deadline (the poll interval or the expiry) or on abort.
 */
export class ApprovalWaiters {
  private readonly waiting = new Map<string, Set<() => void>>();

  wait(approvalId: string, ms: number, signal: AbortSignal): Promise<WakeReason> {
    if (signal.aborted) return Promise.resolve("aborted");
    return new Promise((resolve) => {
      const set = this.waiting.get(approvalId) ?? new Set<() => void>();
      this.waiting.set(approvalId, set);
      const finish = (reason: WakeReason) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        set.delete(onNotify);
        if (set.size === 0 && this.waiting.get(approvalId) === set) this.waiting.delete(approvalId);
        resolve(reason);
      };
      const onNotify = () => finish("notified");
      const onAbort = () => finish("aborted");
      const timer = setTimeout(() => finish("timeout"), Math.max(0, ms));
      set.add(onNotify);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** An approval was decided (LISTEN/NOTIFY): its waiting calls re-read it. */
  notify(approvalId: string): void {
    for (const wake of [...(this.waiting.get(approvalId) ?? [])]) wake();
  }

  /** Notifications may have been missed (listener reconnected): every waiting call re-reads its approval. */
  notifyAll(): void {
    for (const id of [...this.waiting.keys()]) this.notify(id);
  }

  /** How many calls are held right now. */
  get size(): number {
    let total = 0;
    for (const set of this.waiting.values()) total += set.size;
    return total;
  }
}
