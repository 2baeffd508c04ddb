import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectClient } from "./support/connect-client";
import { initializeRequest } from "./support/raw-requests";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

const TOKEN = "metrics-token-0123456789";
let upstream: DemoUpstream;
let gateway: TestGateway;
let metricsUrl: string;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startTestGateway(testDb, { metricsToken: TOKEN });
  metricsUrl = `${await gateway.gateway.listenMetrics(0, "127.0.0.1")}/metrics`;
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

/** Every sample of an exposition, keyed `name{a="1",b="2"}` with labels sorted. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) throw new Error(`unparsable sample: ${line}`);
    const [, name = "", labels = "", value = ""] = match;
    const sorted =
      labels === ""
        ? ""
        : `{${labels
            .split(/,(?=\w+=")/)
            .sort()
            .join(",")}}`;
    samples.set(`${name}${sorted}`, Number(value));
  }
  return samples;
}

async function scrape(url = metricsUrl): Promise<Map<string, number>> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return parseExposition(await response.text());
}

const sample = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

describe("Prometheus metrics", () => {
  it("count calls by method class and decision, time them, and count limiter round trips", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: {
        version: "1",
        default: "deny",
        tools: {
          GetVmState: {},
          MountIso: { limits: [{ counter: "iso", window: "hour", max: 2, scope: "grant" }] },
        },
      },
    });
    const before = await scrape();
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    await client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
    await client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
    await client.callTool({ name: "DeleteVm", arguments: { vm_name: "debian-db" } });
    for (let i = 0; i < 3; i++) {
      await client.callTool({
        name: "MountIso",
        arguments: { vm_name: "alpine-ci", iso_path: "/srv/isos/alpine-virt-3.20.3-x86_64.iso" },
      });
    }
    await client.close();
    // A method a client made up is counted, but under the one "other" label.
    const raw = await fetch(`${gateway.url}${seeded.path}`, {
      ...initializeRequest(
        { authorization: `Bearer ${seeded.token}` },
        JSON.stringify({ jsonrpc: "2.0", id: 9, method: "x/made-up-1234" }),
      ),
    });
    await raw.body?.cancel();

    const after = await scrape();
    const delta = (key: string) => sample(after, key) - sample(before, key);
    const calls = (decision: string) =>
      delta(`toolgate_gateway_requests_total{decision="${decision}",method_class="tools/call"}`);
    expect(calls("allow")).toBe(4); // 2 × GetVmState + 2 × MountIso
    expect(calls("deny")).toBe(1);
    expect(calls("rate_limited")).toBe(1);
    expect(delta('toolgate_gateway_requests_total{decision="allow",method_class="initialize"}')).toBe(1);
    expect(delta('toolgate_gateway_requests_total{decision="allow",method_class="other"}')).toBe(1);
    expect([...after.keys()].some((key) => key.includes("made-up"))).toBe(false);
    // Every tools/call is timed; the 4 forwarded ones also upstream.
    expect(delta('toolgate_gateway_request_duration_seconds_count{method_class="tools/call"}')).toBe(6);
    expect(delta('toolgate_gateway_upstream_duration_seconds_count{method_class="tools/call"}')).toBe(4);
    expect(
      delta('toolgate_gateway_upstream_duration_seconds_sum{method_class="tools/call"}'),
    ).toBeGreaterThan(0);
    // Two reservations and the refusal that found the counter full; the next refusal needs no round trip.
    expect(delta('toolgate_gateway_limiter_round_trips_total{result="ok"}')).toBe(2);
    expect(delta('toolgate_gateway_limiter_round_trips_total{result="full"}')).toBe(1);
    expect(delta("toolgate_gateway_limiter_round_trip_duration_seconds_count")).toBe(3);
    // The grant and policy were loaded once, then served from memory.
    expect(delta('toolgate_gateway_cache_lookups_total{cache="grant",result="hit"}')).toBeGreaterThanOrEqual(
      8,
    );
    expect(delta('toolgate_gateway_cache_lookups_total{cache="grant",result="miss"}')).toBe(1);
    expect(delta('toolgate_gateway_cache_lookups_total{cache="policy",result="miss"}')).toBe(1);
    expect(sample(after, "toolgate_gateway_redis_up")).toBe(1);
    expect(sample(after, "toolgate_gateway_postgres_up")).toBe(1);
    expect(sample(after, "toolgate_gateway_in_flight_requests")).toBe(0);
    expect(after.has("toolgate_gateway_call_logs_dropped_total")).toBe(true);
  });

  it("show the call-log queue's depth and lag while no worker drains it", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "deny", tools: { GetVmState: {} } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    await client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
    await client.close();
    await vi.waitFor(async () => {
      const samples = await scrape();
      expect(sample(samples, 'toolgate_gateway_call_log_queue_jobs{state="waiting"}')).toBeGreaterThan(0);
      expect(sample(samples, "toolgate_gateway_call_log_queue_lag_seconds")).toBeGreaterThan(0);
    });
  });

  it("answer only to the metrics token, on the gateway port and on their own", async () => {
    for (const url of [metricsUrl, `${gateway.url}/metrics`]) {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(
        401,
      );
      const samples = await scrape(url);
      expect(samples.has("toolgate_gateway_redis_up")).toBe(true);
    }
    const elsewhere = await fetch(metricsUrl.replace("/metrics", "/other"));
    expect(elsewhere.status).toBe(404);
  });

  it("are not served on the gateway port when no token is configured", async () => {
    const open = await startTestGateway(testDb);
    try {
      const response = await fetch(`${open.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("toolgate_gateway");
    } finally {
      await open.close();
    }
  });
});
