import { describe, expect, it } from "vitest";
import { FairTurns } from "./fair-turns";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** FairTurns on a clock the test moves, recording the order requests start in. */
function turnsOnClock(options: { startsPerTurn?: number; maxWaitingPerTenant?: number } = {}) {
  const clock = { ms: 0 };
  const started: string[] = [];
  const turns = new FairTurns({
    sliceMs: 5,
    startsPerTurn: options.startsPerTurn ?? 2,
    maxWaitingPerTenant: options.maxWaitingPerTenant ?? 100,
    now: () => clock.ms,
  });
  const enter = (tenant: string, name: string) => turns.enter(tenant, () => started.push(name));
  return { clock, started, turns, enter };
}

describe("FairTurns", () => {
  it("starts requests at once while one pass of the loop has not been busy for the slice", () => {
    const { clock, started, enter } = turnsOnClock();
    enter("a", "a1");
    clock.ms = 4;
    enter("b", "b1");
    expect(started).toEqual(["a1", "b1"]);
  });

  it("queues a burst once the slice is used and starts it round-robin across tenants, a few per turn", async () => {
    const { clock, started, turns, enter } = turnsOnClock({ startsPerTurn: 2 });
    enter("noisy", "n1");
    clock.ms = 6;
    for (let i = 2; i <= 6; i += 1) enter("noisy", `n${i}`);
    enter("quiet", "q1");
    expect(started).toEqual(["n1"]);
    expect(turns.waitingCount).toBe(6);

    await nextTurn();
    // The quiet tenant's one request starts in the first turn, not after the noisy tenant's five.
    expect(started).toEqual(["n1", "n2", "q1"]);
    await nextTurn();
    expect(started).toEqual(["n1", "n2", "q1", "n3", "n4"]);
    await nextTurn();
    expect(started).toEqual(["n1", "n2", "q1", "n3", "n4", "n5", "n6"]);
    expect(turns.waitingCount).toBe(0);
  });

  it("keeps a tenant's order: with requests waiting, its next one waits too, while another tenant starts at once", async () => {
    const { clock, started, enter } = turnsOnClock({ startsPerTurn: 1 });
    enter("noisy", "n1");
    clock.ms = 6;
    enter("noisy", "n2");
    enter("noisy", "n3");
    await nextTurn();
    expect(started).toEqual(["n1", "n2"]);
    // A new pass of the loop: the slice starts afresh.
    enter("noisy", "n4");
    enter("quiet", "q1");
    expect(started).toEqual(["n1", "n2", "q1"]);
    await nextTurn();
    await nextTurn();
    expect(started).toEqual(["n1", "n2", "q1", "n3", "n4"]);
  });

  it("refuses a tenant's request beyond its waiting cap, and only that tenant's", () => {
    const { clock, enter } = turnsOnClock({ maxWaitingPerTenant: 2 });
    enter("noisy", "n1");
    clock.ms = 6;
    expect(enter("noisy", "n2")).toBe(true);
    expect(enter("noisy", "n3")).toBe(true);
    expect(enter("noisy", "n4")).toBe(false);
    expect(enter("quiet", "q1")).toBe(true);
  });
});
