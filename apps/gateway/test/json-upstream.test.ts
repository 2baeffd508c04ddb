import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./support/connect-client";
import { seedTenant } from "./support/seed-tenant";
import { type JsonUpstream, startJsonUpstream } from "./support/start-json-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

let upstream: JsonUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startJsonUpstream();
  gateway = await startTestGateway(testDb);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("an upstream that answers with application/json", () => {
  it("gets its tool list filtered, its calls relayed, and its JSON-RPC errors refunded", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: {
        version: "1",
        default: "allow",
        hide: ["secret"],
        all_tools: { limits: [{ counter: "everything", window: "hour", max: 2, scope: "grant" }] },
      },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["greet", "explode"]);
    await expect(client.callTool({ name: "explode", arguments: {} })).rejects.toThrow(/exploded/);
    const first = await client.callTool({ name: "greet", arguments: {} });
    const second = await client.callTool({ name: "greet", arguments: {} });
    const third = await client.callTool({ name: "greet", arguments: {} });
    const hidden = await client.callTool({ name: "secret", arguments: {} });
    await client.close();
    expect(toolText(first)).toBe("hello from greet");
    expect(toolText(second)).toBe("hello from greet");
    expect(toolText(third)).toContain("/all_tools/limits/0");
    expect(toolText(hidden)).toContain("(hidden)");
    expect(upstream.calls()).toBe(3);
  });
});
