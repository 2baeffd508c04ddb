import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Acme Corp", "acme-corp"],
    ["  Ünïcödé  Café!! ", "unicode-cafe"],
    ["a--b__c", "a-b-c"],
    ["***", "org"],
    ["x".repeat(80), "x".repeat(48)],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name, "org")).toBe(slug);
  });
});

describe("firstFreeSlug", () => {
  it("suffixes -2, -3… until free", () => {
    expect(firstFreeSlug("acme", new Set())).toBe("acme");
    expect(firstFreeSlug("acme", new Set(["acme"]))).toBe("acme-2");
    expect(firstFreeSlug("acme", new Set(["acme", "acme-2", "acme-3"]))).toBe("acme-4");
  });
});
