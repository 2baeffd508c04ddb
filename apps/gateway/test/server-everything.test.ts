import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./support/connect-client";
import { seedTenant } from "./support/seed-tenant";
import { type EverythingServer, startEverything } from "./support/start-everything";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

let everything: EverythingServer;
let gateway: TestGateway;

beforeAll(async () => {
  everything = await startEverything();
  gateway = await startTestGateway(testDb);
});

afterAll(async () => {
  await gateway?.close();
  await everything?.close();
  await testDb.$disconnect();
});

describe("through @modelcontextprotocol/server-everything", () => {
  it("relays allowed calls, filters the list and denies the rest", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: everything.url,
      policy: {
        version: "1",
        default: "deny",
        tools: { echo: { rate_limit: "100/minute" }, "get-sum": {} },
        resources: { "*": {} },
        prompts: { "*": {} },
      },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["echo", "get-sum"]);
    const echoed = await client.callTool({ name: "echo", arguments: { message: "hello through toolgate" } });
    expect(toolText(echoed)).toContain("hello through toolgate");
    const sum = await client.callTool({ name: "get-sum", arguments: { a: 2, b: 3 } });
    expect(toolText(sum)).toContain("5");
    const denied = await client.callTool({ name: "get-tiny-image", arguments: {} });
    expect(toolText(denied)).toContain("(default deny)");
    // Resources and prompts the policy allows pass unchanged.
    expect((await client.listResources()).resources.length).toBeGreaterThan(0);
    expect((await client.listPrompts()).prompts.length).toBeGreaterThan(0);
    await client.close();
  });
});
