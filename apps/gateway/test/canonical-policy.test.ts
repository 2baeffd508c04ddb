import { readFileSync } from "node:fs";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "./support/connect-client";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const canonicalPolicy: unknown = JSON.parse(
  readFileSync(new URL("./fixtures/canonical-policy.json", import.meta.url), "utf8"),
);
// Pinned one second into a minute, so the 30-per-minute window cannot roll over mid-test.
const WINDOW_START_MS = Math.floor(Date.now() / 60_000) * 60_000;
const clock = { now: () => WINDOW_START_MS + 1_000 };
const ISO = "/srv/isos/alpine-virt-3.20.3-x86_64.iso";

let upstream: DemoUpstream;
let gateway: TestGateway;
let seeded: SeededTenant;
let client: Client;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startTestGateway(testDb, { clock });
  seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: canonicalPolicy });
  client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
});

afterAll(async () => {
  await client?.close();
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("the canonical policy through the gateway", () => {
  it("lists only MountIso", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["MountIso"]);
  });

  it("forwards MountIso, which changes the VM at the upstream", async () => {
    const result = await client.callTool({
      name: "MountIso",
      arguments: { vm_name: "alpine-ci", iso_path: ISO },
    });
    expect(result.isError).toBeFalsy();
    expect(upstream.hypervisor.vms.get("alpine-ci")?.mountedIso?.path).toBe(ISO);
    expect(upstream.stats().toolCalls.MountIso).toBe(1);
  });

  it("makes no database query for calls once the server, grant and policy are cached", async () => {
    const before = gateway.gateway.cache.loads();
    for (let i = 0; i < 5; i++) await client.callTool({ name: "ListVms", arguments: {} });
    await client.listTools();
    expect(gateway.gateway.cache.loads()).toBe(before);
  });

  it("denies every other tool by the default rule without contacting the upstream", async () => {
    const result = await client.callTool({ name: "ListVms", arguments: {} });
    expect(result.isError).toBe(true);
    const text = toolText(result);
    expect(text.startsWith("[POLICY DENIED]")).toBe(true);
    expect(text).toContain("(default deny)");
    expect(upstream.stats().toolCalls.ListVms).toBeUndefined();
  });

  it("lets exactly 30 MountIso calls through in a minute and names the limit with a retry time on the 31st", async () => {
    // One call was made by the earlier test in this window.
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(
        await client.callTool({ name: "MountIso", arguments: { vm_name: "alpine-ci", iso_path: ISO } }),
      );
    }
    expect(results.slice(0, 29).every((result) => !result.isError)).toBe(true);
    const denied = results[29];
    expect(denied?.isError).toBe(true);
    const text = toolText(denied);
    expect(text.startsWith("[POLICY DENIED]")).toBe(true);
    expect(text).toContain("/tools/MountIso/limits/0");
    expect(text).toContain("Retry after 59s");
    expect(upstream.stats().toolCalls.MountIso).toBe(30);
  });
});
