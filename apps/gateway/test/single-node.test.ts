import { readFileSync } from "node:fs";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openRawSession, type RawSession } from "./support/raw-session";
import { seedTenant } from "./support/seed-tenant";
import { type GatewayProcess, spawnGateway } from "./support/spawn-gateway";
import { testDb } from "./support/test-db";

// Single-node mode (no REDIS_URL): limits counted in the one gateway process, call logs queued in
// Postgres by BullMQ's Postgres backend. npm test also runs this file on the embedded PostgreSQL.
const canonicalPolicy: unknown = JSON.parse(
  readFileSync(new URL("./fixtures/canonical-policy.json", import.meta.url), "utf8"),
);
const CALLS = 1_000;
const SESSIONS = 200;
const ARGS = { vm_name: "alpine-ci", iso_path: "/srv/isos/alpine-virt-3.20.3-x86_64.iso" };

let upstream: DemoUpstream;
let gateway: GatewayProcess;
const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await spawnGateway({
    REDIS_URL: "",
    TOOLGATE_RUN_LOG_WORKER: "1",
    LOG_LEVEL: "info",
    TOOLGATE_MAX_INFLIGHT_PER_TENANT: "2000",
  });
});

afterAll(async () => {
  await gateway?.close();
  await dispatcher.close();
  await upstream?.close();
  await testDb.$disconnect();
});

function textOf(message: unknown): string {
  const parsed = message as { result?: { content?: { text?: string }[] } };
  return parsed.result?.content?.[0]?.text ?? JSON.stringify(message);
}

describe("single-node mode: no Redis", () => {
  it("says so on /healthz", async () => {
    const health = (await (await fetch(`${gateway.url}/healthz`)).json()) as { callLogs: unknown };
    expect(health).toMatchObject({ status: "ok", mode: "single-node", redis: "none", postgres: "ok" });
    // The Postgres queue answers the failed-batch count too.
    expect(health.callLogs).toMatchObject({
      unqueued: 0,
      failedBatches: 0,
      deadLettered: expect.any(Number),
    });
  });

  it("lets exactly 30 of 1,000 concurrent MountIso calls reach the upstream, and logs all 1,000 through the Postgres queue", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: canonicalPolicy });
    const url = `${gateway.url}${seeded.path}`;
    const sessions: RawSession[] = await Promise.all(
      Array.from({ length: SESSIONS }, () => openRawSession(dispatcher, url, seeded.token)),
    );
    // The limit is per calendar minute: start the burst well before a minute boundary.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));

    const answers = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => sessions[i % sessions.length]?.call("MountIso", ARGS)),
    );
    const denied = answers.map(textOf).filter((text) => text.startsWith("[POLICY DENIED]"));
    expect(upstream.stats().toolCalls.MountIso).toBe(30);
    expect(denied.length).toBe(CALLS - 30);
    expect(denied.every((text) => text.includes("Rule: /tools/MountIso/limits/0"))).toBe(true);

    const logged = (decision: "allow" | "rate_limited") =>
      testDb.callLog.count({ where: { tenantId: seeded.tenantId, tool: "MountIso", decision } });
    await vi.waitFor(
      async () => {
        expect(await logged("allow")).toBe(30);
        expect(await logged("rate_limited")).toBe(CALLS - 30);
      },
      { timeout: 30_000, interval: 250 },
    );
  });
});
