import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOtelTracing } from "../src/tracing/otel-tracing";
import type { Tracing } from "../src/tracing/tracing";
import { connectClient } from "./support/connect-client";
import { type HeaderCaptureProxy, startHeaderCaptureProxy } from "./support/header-capture-proxy";
import { startOtlpReceiver } from "./support/otlp-receiver";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

const CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CLIENT_SPAN = "00f067aa0ba902b7";
const SERVER = 2;
const CLIENT = 3;

let upstream: DemoUpstream;
let proxy: HeaderCaptureProxy;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let tracing: Tracing;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  proxy = await startHeaderCaptureProxy(upstream.url);
  receiver = await startOtlpReceiver();
  tracing = createOtelTracing({ tracesUrl: receiver.url, serviceName: "toolgate-test", exportDelayMs: 100 });
  gateway = await startTestGateway(testDb, { tracing });
});

afterAll(async () => {
  await gateway?.close();
  await tracing?.shutdown();
  await receiver?.close();
  await proxy?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("OpenTelemetry traces", () => {
  it("export a span per call with its decision and rule, an upstream child span, and send traceparent upstream", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: proxy.url,
      policy: { version: "1", default: "deny", tools: { GetVmState: {} } },
    });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token, {
      traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`,
    });
    await client.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } });
    await client.callTool({ name: "DeleteVm", arguments: { vm_name: "debian-db" } });
    await client.close();
    // A request's span ends just after its response is sent: flush until both calls' spans arrived.
    const spans = await vi.waitFor(async () => {
      await tracing.flush();
      const received = receiver.spans.filter((span) => span.traceId === CLIENT_TRACE);
      const tools = received.map((span) => span.attributes["gen_ai.tool.name"]);
      expect(tools).toEqual(expect.arrayContaining(["GetVmState", "DeleteVm"]));
      expect(received.filter((span) => span.name === "upstream").length).toBeGreaterThanOrEqual(3);
      return received;
    });
    const allowed = spans.find((span) => span.attributes["gen_ai.tool.name"] === "GetVmState");
    const denied = spans.find((span) => span.attributes["gen_ai.tool.name"] === "DeleteVm");
    // Each request continues the client's trace as a server span under the client's span.
    expect(allowed).toMatchObject({
      name: "mcp tools/call GetVmState",
      kind: SERVER,
      parentSpanId: CLIENT_SPAN,
      serviceName: "toolgate-test",
      attributes: {
        "mcp.method.name": "tools/call",
        "toolgate.decision": "allow",
        "toolgate.rule": "/tools/GetVmState",
        "toolgate.policy_version": 1,
        "toolgate.tenant_id": seeded.tenantId,
        "toolgate.grant_id": seeded.grantId,
      },
    });
    expect(denied).toMatchObject({
      kind: SERVER,
      parentSpanId: CLIENT_SPAN,
      attributes: { "toolgate.decision": "deny", "toolgate.rule": "(default deny)" },
    });
    const children = (parent: string | undefined) => spans.filter((span) => span.parentSpanId === parent);
    const [upstreamSpan, ...others] = children(allowed?.spanId);
    expect(others).toEqual([]);
    expect(upstreamSpan).toMatchObject({
      name: "upstream",
      kind: CLIENT,
      attributes: { "http.response.status_code": 200 },
    });
    // A denied call never reaches the upstream: no child span.
    expect(children(denied?.spanId)).toEqual([]);
    // The upstream received the upstream span's context (same trace), never the client's own header.
    const traceparents = proxy.seen.map((headers) => headers.traceparent);
    expect(traceparents).toContain(`00-${CLIENT_TRACE}-${upstreamSpan?.spanId}-01`);
    expect(traceparents).not.toContain(`00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`);
    // Every upstream request carried a traceparent of the client's trace, made by the gateway.
    const sent = traceparents.filter((header): header is string => typeof header === "string");
    expect(sent.length).toBeGreaterThanOrEqual(3); // initialize, notifications/initialized, tools/call…
    for (const header of sent)
      expect(header).toMatch(new RegExp(`^00-${CLIENT_TRACE}-(?!${CLIENT_SPAN})[0-9a-f]{16}-01$`));
  });
});
