import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors/gateway-error";
import { parseMessage } from "./parse-message";
import { toolCallParams } from "./tool-call-params";

const parse = (value: unknown) => parseMessage(Buffer.from(JSON.stringify(value)));
const codeOf = (run: () => unknown) => {
  try {
    run();
    return "ok";
  } catch (error) {
    return error instanceof GatewayError ? error.code : "thrown";
  }
};

describe("parseMessage", () => {
  it("takes every JSON-RPC 2.0 shape: request, notification, response, error, batch", () => {
    expect(parse({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "x" } })).toMatchObject({
      kind: "single",
      message: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "x" } },
    });
    expect(parse({ jsonrpc: "2.0", method: "notifications/initialized" })).toMatchObject({ kind: "single" });
    expect(parse({ jsonrpc: "2.0", id: "a", result: {} })).toMatchObject({
      message: { id: "a", result: {} },
    });
    expect(parse({ jsonrpc: "2.0", id: null, error: { code: 1 } })).toMatchObject({ message: { id: null } });
    expect(parse([{ jsonrpc: "2.0", id: 1, method: "ping" }])).toMatchObject({ kind: "batch" });
  });

  it("refuses what is not a JSON-RPC 2.0 message with bad_request", () => {
    for (const value of [
      null,
      "text",
      3,
      {},
      { jsonrpc: "1.0", id: 1, method: "ping" },
      { jsonrpc: 2, id: 1, method: "ping" },
      { jsonrpc: "2.0", id: { nested: 1 }, method: "ping" },
      { jsonrpc: "2.0", id: true, method: "ping" },
      { jsonrpc: "2.0", id: 1, method: 7 },
      [{ jsonrpc: "2.0", id: 1, method: "ping" }, "text"],
    ]) {
      expect([value, codeOf(() => parse(value))]).toEqual([value, "bad_request"]);
    }
  });
});

describe("toolCallParams", () => {
  it("takes a name with arguments, or with none (then empty arguments)", () => {
    expect(toolCallParams({ name: "echo", arguments: { a: 1 } })).toEqual({
      name: "echo",
      arguments: { a: 1 },
    });
    expect(toolCallParams({ name: "echo", _meta: { progressToken: 1 } })).toEqual({
      name: "echo",
      arguments: {},
    });
  });

  it("refuses a missing or empty name and arguments that are not an object, with invalid_params", () => {
    for (const params of [
      undefined,
      null,
      [],
      {},
      { name: "" },
      { name: 3 },
      { name: "echo", arguments: [] },
      { name: "echo", arguments: "a=1" },
      { name: "echo", arguments: null },
    ]) {
      expect([params, codeOf(() => toolCallParams(params))]).toEqual([params, "invalid_params"]);
    }
  });
});
