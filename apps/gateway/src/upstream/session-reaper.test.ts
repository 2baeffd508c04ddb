import { describe, expect, it } from "vitest";
import type { UpstreamTarget } from "../cache/cached-types";
import { SessionReaper } from "./session-reaper";

const target: UpstreamTarget = {
  transport: "streamable_http",
  url: "http://127.0.0.1:1/mcp",
  origin: "http://127.0.0.1:1",
  path: "/mcp",
  headers: {},
  blocked: null,
};

function reaperAt(start: number) {
  const clock = { ms: start, now: () => clock.ms };
  const ended: string[] = [];
  const reaper = new SessionReaper(1_000, clock, async (_, id) => {
    ended.push(id);
  });
  return { clock, ended, reaper };
}

describe("SessionReaper", () => {
  it("ends a session idle for longer than the limit, once", () => {
    const { clock, ended, reaper } = reaperAt(0);
    reaper.begin(target, "a")();
    clock.ms = 999;
    expect(reaper.sweep()).toBe(0);
    clock.ms = 1_000;
    expect(reaper.sweep()).toBe(1);
    expect(reaper.sweep()).toBe(0);
    expect(ended).toEqual(["a"]);
  });

  it("keeps a session with an open stream however long it lasts, and counts idleness from its end", () => {
    const { clock, ended, reaper } = reaperAt(0);
    const streamEnds = reaper.begin(target, "b");
    clock.ms = 60_000;
    expect(reaper.sweep()).toBe(0);
    streamEnds();
    clock.ms = 60_500;
    expect(reaper.sweep()).toBe(0);
    clock.ms = 61_000;
    expect(reaper.sweep()).toBe(1);
    expect(ended).toEqual(["b"]);
  });

  it("forgets sessions the client ended itself", () => {
    const { clock, ended, reaper } = reaperAt(0);
    reaper.begin(target, "c")();
    reaper.forget(target, "c");
    clock.ms = 5_000;
    expect(reaper.sweep()).toBe(0);
    expect(ended).toEqual([]);
  });
});
