import { describe, expect, it } from "vitest";
import { hostAllowList, hostnameOf } from "./host-allow-list";

describe("hostAllowList", () => {
  it.each([
    {
      configured: [],
      bound: "127.0.0.1",
      accepts: ["localhost", "127.0.0.1", "::1"],
      refuses: ["evil.example.com"],
    },
    {
      configured: ["localhost"],
      bound: "0.0.0.0",
      accepts: ["localhost", "127.0.0.1", "::1"],
      refuses: ["10.0.0.5"],
    },
    {
      configured: ["gw.example.com"],
      bound: "0.0.0.0",
      accepts: ["gw.example.com"],
      refuses: ["localhost", "evil.example.com"],
    },
    {
      configured: ["GW.Example.com", "[::1]"],
      bound: "::",
      accepts: ["gw.example.com", "::1", "localhost"],
      refuses: ["x"],
    },
  ])("$configured bound to $bound", ({ configured, bound, accepts, refuses }) => {
    const allowed = hostAllowList(configured, bound);
    for (const name of accepts) expect(allowed?.has(name)).toBe(true);
    for (const name of refuses) expect(allowed?.has(name)).toBe(false);
  });

  it("checks nothing when bound publicly with no name configured", () => {
    expect(hostAllowList([], "0.0.0.0")).toBeNull();
  });
});

describe("hostnameOf", () => {
  it.each([
    ["localhost:4000", "localhost"],
    ["Example.COM", "example.com"],
    ["[::1]:4000", "::1"],
    ["[::1", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j → %j", (header, expected) => {
    expect(hostnameOf(header)).toBe(expected);
  });
});
