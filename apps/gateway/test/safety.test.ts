import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpstreamPools } from "../src/upstream/upstream-pools";
import { connectClient } from "./support/connect-client";
import { initializeRequest } from "./support/raw-requests";
import { seedTenant } from "./support/seed-tenant";
import { type RawUpstream, startRawUpstream } from "./support/start-raw-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

const allowAll = { version: "1", default: "allow" };
let demo: DemoUpstream;
let hanging: RawUpstream;
let target: RawUpstream;
let strict: TestGateway;
let capped: TestGateway;

beforeAll(async () => {
  demo = await startDemoUpstream({ port: 0 });
  hanging = await startRawUpstream(() => {}); // accepts every request and never answers
  target = await startRawUpstream((_req, res) => res.writeHead(500).end());
  strict = await startTestGateway(testDb, { allowPrivateUpstreams: false });
  capped = await startTestGateway(testDb, { maxInFlightPerTenant: 2 });
});

afterAll(async () => {
  await strict?.close();
  await capped?.close();
  await hanging?.close();
  await target?.close();
  await demo?.close();
  await testDb.$disconnect();
});

function post(gateway: TestGateway, path: string, token: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    ...initializeRequest({ authorization: `Bearer ${token}` }),
    signal: signal ?? null,
  });
}

describe("SSRF: upstream addresses with TOOLGATE_ALLOW_PRIVATE_UPSTREAMS off", () => {
  it("refuses every spelling of a private, loopback or metadata address, never contacting it", async () => {
    const port = new URL(target.url).port;
    const forms = [
      `http://127.0.0.1:${port}/mcp`,
      `http://localhost:${port}/mcp`,
      `http://0.0.0.0:${port}/mcp`,
      `http://[::ffff:127.0.0.1]:${port}/mcp`,
      `http://[::1]:${port}/mcp`,
      `http://2130706433:${port}/mcp`,
      `http://0x7f000001:${port}/mcp`,
      `http://0177.0.0.1:${port}/mcp`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.5/mcp",
      "http://172.16.4.2/mcp",
      "http://192.168.1.10/mcp",
    ];
    const before = target.requests;
    for (const url of forms) {
      const seeded = await seedTenant(testDb, { upstreamUrl: url, policy: allowAll });
      const answer = await post(strict, seeded.path, seeded.token);
      expect(answer.status, url).toBe(502);
      expect(await answer.text(), url).toContain("Toolgate does not connect to it");
    }
    expect(target.requests).toBe(before);
  });

  it("checks the address again when connecting, so a name that later resolves to loopback is refused", async () => {
    const pools = new UpstreamPools({ allowPrivateAddresses: false });
    const before = target.requests;
    try {
      const { port } = new URL(target.url);
      await expect(
        pools.get(`http://localhost:${port}`).request({ path: "/mcp", method: "GET" }),
      ).rejects.toThrow(/private or loopback address/);
      expect(target.requests).toBe(before);
    } finally {
      await pools.close();
    }
  });

  it("never follows an upstream's redirect, e.g. to the metadata address", async () => {
    const redirecting = await startRawUpstream((_req, res) =>
      res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    );
    try {
      const seeded = await seedTenant(testDb, { upstreamUrl: redirecting.url, policy: allowAll });
      const answer = await post(capped, seeded.path, seeded.token);
      expect(answer.status).toBe(502);
      expect(answer.headers.get("location")).toBeNull();
      expect(await answer.text()).toContain("does not follow redirects");
    } finally {
      await redirecting.close();
    }
  });
});

describe("per-tenant concurrency", () => {
  it("caps one tenant's requests to a hung upstream while other tenants are served", async () => {
    const stuck = await seedTenant(testDb, { upstreamUrl: hanging.url, policy: allowAll });
    const healthy = await seedTenant(testDb, { upstreamUrl: demo.url, policy: allowAll });
    const abort = new AbortController();
    const held = [
      post(capped, stuck.path, stuck.token, abort.signal),
      post(capped, stuck.path, stuck.token, abort.signal),
    ];
    for (const request of held) request.catch(() => undefined);
    try {
      await expect.poll(() => hanging.requests, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const refused = await post(capped, stuck.path, stuck.token);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(await refused.json()).toMatchObject({ error: { data: { code: "tenant_busy" } } });
      // Refused at admission, before its body is read: a malformed one gets the same 429, not a 400.
      const unread = await fetch(`${capped.url}${stuck.path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${stuck.token}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: "{ not json",
      });
      expect(unread.status).toBe(429);
      expect(hanging.requests).toBe(2);
      const client = await connectClient(`${capped.url}${healthy.path}`, healthy.token);
      const result = await client.callTool({ name: "ListVms", arguments: {} });
      expect(result.isError).toBeFalsy();
      await client.close();
    } finally {
      abort.abort();
    }
    // A client that gives up frees its slot.
    await expect
      .poll(
        async () =>
          (await post(capped, stuck.path, stuck.token, AbortSignal.timeout(300)).catch(() => null))?.status ??
          "pending",
        {
          timeout: 10_000,
        },
      )
      .toBe("pending");
  });
});
