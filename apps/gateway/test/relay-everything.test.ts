import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEverythingScenario } from "./support/everything-scenario";
import { initializeRequest } from "./support/raw-requests";
import { seedTenant } from "./support/seed-tenant";
import { type EverythingServer, startEverything } from "./support/start-everything";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

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

const allowAll = { version: "1", default: "allow" };

describe("full MCP relay over Streamable HTTP (server-everything)", () => {
  it("gives a client the same results and notifications as talking to the upstream directly", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: everything.url, policy: allowAll });
    const viaGateway = new StreamableHTTPClientTransport(new URL(`${gateway.url}${seeded.path}`), {
      requestInit: { headers: { authorization: `Bearer ${seeded.token}` } },
    });
    const [direct, relayed] = await Promise.all([
      runEverythingScenario(new StreamableHTTPClientTransport(new URL(everything.url))),
      runEverythingScenario(viaGateway),
    ]);
    expect(relayed).toEqual(direct);
    // The scenario really exercised the round trips it claims to.
    expect(relayed.sampling).toContain("sampled 1 message(s)");
    expect(relayed.elicitation).toContain("Ada Lovelace");
    expect(relayed.roots).toContain("file:///work/project");
    expect(relayed.progress).toHaveLength(3);
    expect(relayed.completion).toEqual(["Sales", "Support"]);
    expect(relayed.cancelled).not.toBe("completed");
  });

  it("negotiates the protocol version exactly as the upstream does", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: everything.url, policy: allowAll });
    for (const version of ["2024-11-05", "2025-06-18", "1999-01-01"]) {
      const body = JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      });
      const [direct, relayed] = await Promise.all([
        fetch(everything.url, initializeRequest({}, body)).then((r) => r.text()),
        fetch(
          `${gateway.url}${seeded.path}`,
          initializeRequest({ authorization: `Bearer ${seeded.token}` }, body),
        ).then((r) => r.text()),
      ]);
      expect(negotiated(relayed), version).toBe(negotiated(direct));
    }
  });
});

function negotiated(sse: string): string | undefined {
  const match = /"protocolVersion":"([^"]+)"/.exec(sse);
  return match?.[1];
}
