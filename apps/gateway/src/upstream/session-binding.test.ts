import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SessionBinding } from "./session-binding";

describe("SessionBinding", () => {
  const binding = new SessionBinding(randomBytes(32));
  const clientId = binding.bind("9f1c-upstream", "grt_a", "srv_1");

  it("gives the upstream id back to the grant and server it was issued to", () => {
    expect(clientId.startsWith("9f1c-upstream.")).toBe(true);
    expect(binding.unbind(clientId, "grt_a", "srv_1")).toBe("9f1c-upstream");
  });

  it.each([
    ["another grant", clientId, "grt_b", "srv_1"],
    ["another server", clientId, "grt_a", "srv_2"],
    ["a bare upstream id", "9f1c-upstream", "grt_a", "srv_1"],
    ["a forged mac", "9f1c-upstream.AAAAAAAAAAAAAAAAAAAAAA", "grt_a", "srv_1"],
    [
      "a key from another gateway",
      new SessionBinding(randomBytes(32)).bind("x", "grt_a", "srv_1"),
      "grt_a",
      "srv_1",
    ],
  ])("treats %s as an unknown session", (_, id, grant, server) => {
    expect(binding.unbind(id, grant, server)).toBeNull();
  });
});
