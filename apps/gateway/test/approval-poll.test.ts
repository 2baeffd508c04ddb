import { setMaxListeners } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { ApprovalGate } from "../src/approvals/approval-gate";
import { ApprovalStore } from "../src/approvals/approval-store";
import { ApprovalWaiters } from "../src/approvals/approval-waiters";
import { createLogger } from "../src/logger";
import { waitForApprovals } from "./support/approvals";
import { seedTenant } from "./support/seed-tenant";
import { testDb } from "./support/test-db";

afterAll(async () => {
  await testDb.$disconnect();
});

/** The real store on Postgres, counting the reads a held call makes while it waits. */
class CountingStore extends ApprovalStore {
  gets = 0;
  polls = 0;
  override get(tenantId: string, approvalId: string) {
    this.gets += 1;
    return super.get(tenantId, approvalId);
  }
  override notPending(idsByTenant: ReadonlyMap<string, readonly string[]>) {
    this.polls += 1;
    return super.notPending(idsByTenant);
  }
}

describe("held calls without change notifications", () => {
  it("are re-read with one query per poll interval for all of them, and wake when decided", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: "http://127.0.0.1:9/mcp" });
    const store = new CountingStore(testDb);
    const pollMs = 200;
    const gate = new ApprovalGate({
      store,
      waiters: new ApprovalWaiters(),
      logger: createLogger("silent"),
      pollMs,
    });
    const abort = new AbortController();
    setMaxListeners(50, abort.signal);
    const held = Array.from({ length: 20 }, (_, i) =>
      gate.await(
        {
          tenantId: seeded.tenantId,
          serverId: seeded.serverId,
          grantId: seeded.grantId,
          tool: "GetVmState",
          args: { vm_name: `vm-${i}` },
          rule: "/tools/GetVmState",
          timeoutSeconds: 600,
          labels: { serverName: seeded.serverSlug, grantLabel: seeded.grantLabel },
        },
        abort.signal,
      ),
    );
    try {
      const approvals = await waitForApprovals(testDb, seeded.tenantId, 20);
      const startedAt = performance.now();
      const getsBefore = store.gets;
      await new Promise((resolve) => setTimeout(resolve, 10 * pollMs));
      const intervals = (performance.now() - startedAt) / pollMs;
      // Twenty held calls: about one read per interval in all, not twenty (one each).
      expect(store.polls).toBeGreaterThanOrEqual(3);
      expect(store.polls).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
      expect(store.gets).toBe(getsBefore);
      // Decided behind the gateway's back (no NOTIFY): the shared poll finds it and wakes that call only.
      const decided = approvals[7];
      if (decided === undefined) throw new Error("no approval");
      await testDb.approval.update({
        where: { id: decided.id },
        data: { status: "denied", reason: "not today", decidedAt: new Date() },
      });
      const outcome = await Promise.race(held);
      expect(outcome).toEqual({ kind: "denied", approvalId: decided.id, reason: "not today" });
      expect(store.gets).toBe(getsBefore + 1);
    } finally {
      abort.abort();
      await Promise.all(held);
    }
  });
});
