import { describe, expect, it } from "vitest";
import { isShortenedName, MAX_NAME_LENGTH, prefixedName } from "./exposed-name";

describe("exposed names on the tenant URL", () => {
  it("prefixes with the server's prefix and the separator", () => {
    expect(prefixedName("lab", "MountIso")).toBe("lab__MountIso");
    expect(prefixedName("lab", "MountIso", ".")).toBe("lab.MountIso");
    expect(isShortenedName("lab", "MountIso")).toBe(false);
  });

  it("shortens long names deterministically, within 64 characters, without collisions", () => {
    const a = prefixedName("everything", "x".repeat(70));
    const b = prefixedName("everything", `${"x".repeat(69)}y`);
    expect(a.length).toBe(MAX_NAME_LENGTH);
    expect(a).toBe(prefixedName("everything", "x".repeat(70)));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^everything__x+-[0-9a-f]{8}$/);
    expect(isShortenedName("everything", "x".repeat(70))).toBe(true);
  });

  it("keeps a name of exactly 64 characters whole", () => {
    const name = "t".repeat(MAX_NAME_LENGTH - "lab__".length);
    expect(prefixedName("lab", name)).toBe(`lab__${name}`);
    expect(isShortenedName("lab", name)).toBe(false);
    expect(isShortenedName("lab", `${name}u`)).toBe(true);
  });
});
