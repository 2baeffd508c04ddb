import { describe, expect, it } from "vitest";
import { NameMap } from "./names";
import { parseTenantPath } from "./tenant-path";

describe("aggregate names", () => {
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

  it("uses a server's own prefix in place of its slug, and still resolves to the slug", () => {
    const names = new NameMap("__", new Map([["lab-hypervisor", "lab"]]));
    expect(names.expose("lab-hypervisor", "MountIso")).toBe("lab__MountIso");
    expect(names.expose("everything", "echo")).toBe("everything__echo");
    expect(names.resolve("lab__MountIso")).toEqual({ serverSlug: "lab-hypervisor", name: "MountIso" });
    expect(names.resolve("lab-hypervisor__MountIso")).toBeUndefined();
    expect(names.prefixOf("lab-hypervisor")).toBe("lab");
  });

  it("parses only /<tenant>/mcp", () => {
    expect(parseTenantPath("/acme/mcp")).toBe("acme");
    expect(parseTenantPath("/acme/lab/mcp")).toBeNull();
    expect(parseTenantPath("/mcp")).toBeNull();
  });
});
