import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH, NameMap, prefixedName } from "./names";
import { parseTenantPath } from "./tenant-path";

describe("aggregate names", () => {
  it("prefixes with the server slug and the separator", () => {
    expect(prefixedName("lab", "MountIso")).toBe("lab__MountIso");
    expect(prefixedName("lab", "MountIso", ".")).toBe("lab.MountIso");
  });

  it("shortens long names deterministically, within 64 characters, without collisions", () => {
    const a = prefixedName("everything", "x".repeat(70));
    const b = prefixedName("everything", `${"x".repeat(69)}y`);
    expect(a.length).toBe(MAX_NAME_LENGTH);
    expect(a).toBe(prefixedName("everything", "x".repeat(70)));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^everything__x+-[0-9a-f]{8}$/);
  });

  it("maps exposed names back and names the candidates of an unprefixed name", () => {
    const names = new NameMap();
    names.expose("lab", "echo");
    names.expose("everything", "echo");
    expect(names.resolve("lab__echo")).toEqual({ serverSlug: "lab", name: "echo" });
    expect(names.resolve("echo")).toBeUndefined();
    expect(names.candidates("echo").sort()).toEqual(["everything__echo", "lab__echo"]);
    names.forgetServer("lab");
    expect(names.candidates("echo")).toEqual(["everything__echo"]);
  });

  it("parses only /<tenant>/mcp", () => {
    expect(parseTenantPath("/acme/mcp")).toBe("acme");
    expect(parseTenantPath("/acme/lab/mcp")).toBeNull();
    expect(parseTenantPath("/mcp")).toBeNull();
  });
});
