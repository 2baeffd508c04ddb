import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors/gateway-error";
import { protocolRevision } from "./protocol-revision";
import { checkRoutingHeaders } from "./routing-headers";

const call = {
  jsonrpc: "2.0" as const,
  id: 1,
  method: "tools/call",
  params: { name: "MountIso", arguments: {} },
};
const read = {
  jsonrpc: "2.0" as const,
  id: 2,
  method: "resources/read",
  params: { uri: "file:///etc/hosts" },
};
const list = { jsonrpc: "2.0" as const, id: 3, method: "tools/list" };

function outcome(
  headers: Record<string, string>,
  message: typeof call | typeof read | typeof list,
  stateless = true,
) {
  try {
    checkRoutingHeaders(headers, message, stateless ? "stateless" : "session");
    return "ok";
  } catch (error) {
    return error instanceof GatewayError ? error.code : "other";
  }
}

describe("checkRoutingHeaders", () => {
  it.each([
    ["matching method and name", { "mcp-method": "tools/call", "mcp-name": "MountIso" }, call, "ok"],
    ["whitespace around values", { "mcp-method": " tools/call ", "mcp-name": "\tMountIso " }, call, "ok"],
    [
      "a resource uri as the name",
      { "mcp-method": "resources/read", "mcp-name": "file:///etc/hosts" },
      read,
      "ok",
    ],
    ["a method without a name field", { "mcp-method": "tools/list" }, list, "ok"],
    ["another method", { "mcp-method": "tools/list", "mcp-name": "MountIso" }, call, "header_mismatch"],
    ["another name", { "mcp-method": "tools/call", "mcp-name": "DeleteVm" }, call, "header_mismatch"],
    ["another case", { "mcp-method": "Tools/Call", "mcp-name": "MountIso" }, call, "header_mismatch"],
    ["no Mcp-Method", { "mcp-name": "MountIso" }, call, "header_mismatch"],
    ["no Mcp-Name", { "mcp-method": "tools/call" }, call, "header_mismatch"],
  ])("stateless wire, %s", (_label, headers, message, expected) => {
    expect(outcome(headers, message)).toBe(expected);
  });

  it("on the session wire checks the headers only when they are present", () => {
    expect(outcome({}, call, false)).toBe("ok");
    expect(outcome({ "mcp-name": "DeleteVm" }, call, false)).toBe("header_mismatch");
  });

  it("ignores notifications and responses", () => {
    expect(outcome({ "mcp-method": "x" }, { ...list, id: undefined } as unknown as typeof list)).toBe("ok");
  });
});

describe("protocolRevision", () => {
  const withMeta = (version: string) => ({
    ...list,
    params: { _meta: { "io.modelcontextprotocol/protocolVersion": version } },
  });

  it.each([
    [{}, list, "session"],
    [{ "mcp-protocol-version": "2025-11-25" }, list, "session"],
    [{ "mcp-protocol-version": "2026-07-28" }, list, "stateless"],
    [{ "mcp-protocol-version": "2026-07-28" }, withMeta("2026-07-28"), "stateless"],
    [{}, withMeta("2026-07-28"), "stateless"],
    [{}, withMeta("2027-01-01"), "stateless"],
  ])("%j %j is the %s wire", (headers, message, expected) => {
    expect(protocolRevision(headers, message)).toBe(expected);
  });

  it("refuses a header that contradicts the _meta version", () => {
    expect(() => protocolRevision({ "mcp-protocol-version": "2025-11-25" }, withMeta("2026-07-28"))).toThrow(
      expect.objectContaining({ code: "header_mismatch" }),
    );
  });
});
