import { fileURLToPath } from "node:url";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./support/connect-client";
import { runEverythingScenario, type ScenarioObservations } from "./support/everything-scenario";
import { initializeRequest } from "./support/raw-requests";
import { seedTenant } from "./support/seed-tenant";
import { EVERYTHING_ENTRY, type EverythingServer, startEverything } from "./support/start-everything";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const allowAll = { version: "1", default: "allow" };
const STDIO_URL = `stdio:${process.execPath} ${EVERYTHING_ENTRY} stdio`;
const SLOW_START_ENTRY = fileURLToPath(new URL("./support/slow-start-everything.mjs", import.meta.url));
let legacy: EverythingServer;
let gateway: TestGateway;

beforeAll(async () => {
  [legacy, gateway] = await Promise.all([
    startEverything("sse"),
    startTestGateway(testDb, { allowStdio: true, maxStdioProcesses: 3, sessionIdleMs: 600 }),
  ]);
});

afterAll(async () => {
  await gateway?.close();
  await legacy?.close();
  await testDb.$disconnect();
});

function viaGateway(path: string, token: string): StreamableHTTPClientTransport {
  return new StreamableHTTPClientTransport(new URL(`${gateway.url}${path}`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
}

describe("a legacy HTTP+SSE upstream (server-everything sse)", () => {
  it("is relayed to a Streamable HTTP client with the same results and notifications as a direct SSE client", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: legacy.url, transport: "sse", policy: allowAll });
    const [direct, relayed] = await Promise.all([
      runEverythingScenario(new SSEClientTransport(new URL(legacy.url))),
      runEverythingScenario(viaGateway(seeded.path, seeded.token)),
    ]);
    expectSameAsDirect(relayed, direct);
    expect(relayed.sampling).toContain("sampled 1 message(s)");
  });

  it("filters the tool list and denies calls by policy, like any upstream", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: legacy.url,
      transport: "sse",
      policy: { version: "1", default: "deny", tools: { echo: {} } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(["echo"]);
    expect(toolText(await client.callTool({ name: "echo", arguments: { message: "ok" } }))).toContain("ok");
    expect(toolText(await client.callTool({ name: "get-sum", arguments: { a: 1, b: 2 } }))).toContain(
      "(default deny)",
    );
    await client.close();
  });
  it("answers every initialize of sessions started at the same instant", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: legacy.url, transport: "sse", policy: allowAll });
    const transports = [0, 1, 2, 3, 4].map(() => viaGateway(seeded.path, seeded.token));
    const clients = await Promise.all(transports.map((transport) => connectWith(transport, 10_000)));
    const echoes = await Promise.all(
      clients.map((client, n) => client.callTool({ name: "echo", arguments: { message: `session ${n}` } })),
    );
    expect(echoes.map(toolText)).toEqual([0, 1, 2, 3, 4].map((n) => `Echo: session ${n}`));
    await Promise.all(clients.map((client) => client.close()));
  });
});

describe("a stdio upstream (server-everything stdio, TOOLGATE_ALLOW_STDIO=1)", () => {
  it("is relayed with the same results and notifications as a direct stdio client", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: STDIO_URL, transport: "stdio", policy: allowAll });
    const [direct, relayed] = await Promise.all([
      runEverythingScenario(
        new StdioClientTransport({
          command: process.execPath,
          args: [EVERYTHING_ENTRY, "stdio"],
          stderr: "ignore",
        }),
      ),
      runEverythingScenario(viaGateway(seeded.path, seeded.token)),
    ]);
    expectSameAsDirect(relayed, direct);
    expect(relayed.elicitation).toContain("Ada Lovelace");
  });

  it("runs one process per session, ends it on DELETE or when idle, and caps how many run", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: STDIO_URL, transport: "stdio", policy: allowAll });
    await expect.poll(() => gateway.gateway.stdioProcesses(), { timeout: 10_000 }).toBe(0);
    const transports = [0, 1, 2].map(() => viaGateway(seeded.path, seeded.token));
    const clients = await Promise.all(transports.map((transport) => connectWith(transport)));
    expect(gateway.gateway.stdioProcesses()).toBe(3);
    const refused = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }),
    );
    expect(refused.status).toBe(503);
    await transports[0]?.terminateSession();
    await expect.poll(() => gateway.gateway.stdioProcesses(), { timeout: 5_000 }).toBe(2);
    // The others just disconnect (no DELETE): the idle sweep ends their processes.
    await Promise.all(clients.map((client) => client.close()));
    await expect.poll(() => gateway.gateway.stdioProcesses(), { timeout: 10_000 }).toBe(0);
  });

  it("answers every initialize of sessions started at the same instant, even by servers slower to start than the idle sweep", async () => {
    // The idle reaper (600 ms here) must count a session busy until its initialize is answered.
    const seeded = await seedTenant(testDb, {
      upstreamUrl: `stdio:${process.execPath} ${SLOW_START_ENTRY} 1500`,
      transport: "stdio",
      policy: allowAll,
    });
    await expect.poll(() => gateway.gateway.stdioProcesses(), { timeout: 10_000 }).toBe(0);
    const transports = [0, 1, 2].map(() => viaGateway(seeded.path, seeded.token));
    const clients = await Promise.all(transports.map((transport) => connectWith(transport, 10_000)));
    const echoes = await Promise.all(
      clients.map((client, n) => client.callTool({ name: "echo", arguments: { message: `session ${n}` } })),
    );
    expect(echoes.map(toolText)).toEqual([0, 1, 2].map((n) => `Echo: session ${n}`));
    await Promise.all(transports.map((transport) => transport.terminateSession()));
    await Promise.all(clients.map((client) => client.close()));
    await expect.poll(() => gateway.gateway.stdioProcesses(), { timeout: 10_000 }).toBe(0);
  });

  it("answers a request with an error at once when the server process exits before answering", async () => {
    const dies = `process.stdin.once('data', () => process.exit(3))`;
    const seeded = await seedTenant(testDb, {
      upstreamUrl: `stdio:${process.execPath} -e "${dies}"`,
      transport: "stdio",
      policy: allowAll,
    });
    const startedAt = Date.now();
    const answer = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }),
    );
    const text = await answer.text();
    expect(text).toContain("The upstream MCP server ended the session before answering.");
    // Well before any client's request timeout (the SDK's is 60 s).
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    await expect.poll(() => gateway.gateway.stdioProcesses(), { timeout: 10_000 }).toBe(0);
  });

  it("is refused unless the gateway allows stdio servers", async () => {
    const strict = await startTestGateway(testDb);
    try {
      const seeded = await seedTenant(testDb, {
        upstreamUrl: STDIO_URL,
        transport: "stdio",
        policy: allowAll,
      });
      const answer = await fetch(
        `${strict.url}${seeded.path}`,
        initializeRequest({ authorization: `Bearer ${seeded.token}` }),
      );
      expect(answer.status).toBe(502);
      expect(await answer.text()).toContain("TOOLGATE_ALLOW_STDIO=1");
      expect(strict.gateway.stdioProcesses()).toBe(0);
    } finally {
      await strict.close();
    }
  });
});

describe("a bridged session's GET stream", () => {
  it.each(["sse", "stdio"] as const)(
    "is closed when idle (TOOLGATE_STREAM_IDLE_S), freeing the tenant's stream slot (%s upstream)",
    async (transport) => {
      const idleMs = 1_000;
      const strict = await startTestGateway(testDb, {
        allowStdio: true,
        streamIdleMs: idleMs,
        maxStreamsPerTenant: 1,
      });
      try {
        const seeded = await seedTenant(testDb, {
          upstreamUrl: transport === "sse" ? legacy.url : STDIO_URL,
          transport,
          policy: allowAll,
        });
        const url = `${strict.url}${seeded.path}`;
        const headers = await openRawSession(url, seeded.token);
        const openedAt = Date.now();
        const stream = await fetch(url, { headers: { ...headers, accept: "text/event-stream" } });
        expect(stream.status).toBe(200);
        await stream.text(); // ends when the gateway closes the idle stream
        expect(Date.now() - openedAt).toBeGreaterThanOrEqual(idleMs - 50);
        // The slot (cap 1) and the session's single GET stream are free again.
        const again = await fetch(url, { headers: { ...headers, accept: "text/event-stream" } });
        expect(again.status).toBe(200);
        await again.body?.cancel();
      } finally {
        await strict.close();
      }
    },
  );
});

/**
 * Everything equal, except that a direct client over a single-stream transport (SSE, stdio) can drop the
 * last progress notification (the SDK client handles the response, which arrives right behind it, first);
 * through the gateway each is its own Streamable HTTP event, so all arrive.
 */
function expectSameAsDirect(relayed: ScenarioObservations, direct: ScenarioObservations): void {
  const { progress: relayedProgress, ...relayedRest } = relayed;
  const { progress: directProgress, ...directRest } = direct;
  expect(relayedRest).toEqual(directRest);
  expect(relayedProgress).toEqual([1, 2, 3].map((progress) => ({ progress, total: 3 })));
  expect(relayedProgress).toEqual(expect.arrayContaining(directProgress as unknown[]));
}

async function connectWith(transport: StreamableHTTPClientTransport, timeout?: number) {
  const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
  const client = new Client({ name: "bridge-test", version: "1.0.0" });
  await client.connect(transport, { timeout });
  return client;
}

/** Initializes a session with raw requests; returns the headers of its further requests. */
async function openRawSession(url: string, token: string): Promise<Record<string, string>> {
  const init = await fetch(url, initializeRequest({ authorization: `Bearer ${token}` }));
  expect(init.status).toBe(200);
  await init.text();
  const session = init.headers.get("mcp-session-id");
  if (session === null) throw new Error("no session id");
  const headers = {
    authorization: `Bearer ${token}`,
    "mcp-session-id": session,
    "mcp-protocol-version": "2025-06-18",
  };
  const initialized = await fetch(url, {
    method: "POST",
    headers: {
      ...headers,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
  });
  expect(initialized.status).toBe(202);
  return headers;
}
