import { readFileSync } from "node:fs";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRawSession, type RawSession } from "./support/raw-session";
import { seedTenant } from "./support/seed-tenant";
import { type GatewayProcess, spawnGateway } from "./support/spawn-gateway";
import { testDb } from "./support/test-db";

const canonicalPolicy: unknown = JSON.parse(
  readFileSync(new URL("./fixtures/canonical-policy.json", import.meta.url), "utf8"),
);
const CALLS = 1_000;
const SESSIONS_PER_GATEWAY = 100;
const ARGS = { vm_name: "alpine-ci", iso_path: "/srv/isos/alpine-virt-3.20.3-x86_64.iso" };

let upstream: DemoUpstream;
let gateways: GatewayProcess[] = [];
const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  // Two real gateway processes: they share only Postgres and Redis.
  const env = { LOG_LEVEL: "info", TOOLGATE_MAX_INFLIGHT_PER_TENANT: "2000" };
  gateways = await Promise.all([spawnGateway(env), spawnGateway(env)]);
});

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await dispatcher.close();
  await upstream?.close();
  await testDb.$disconnect();
});

function textOf(message: unknown): string {
  const parsed = message as { result?: { content?: { text?: string }[]; isError?: boolean } };
  return parsed.result?.content?.[0]?.text ?? JSON.stringify(message);
}

describe("the canonical policy across two gateway processes", () => {
  it("lets exactly 30 of 1,000 concurrent MountIso calls reach the upstream; the rest name the limit", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: canonicalPolicy });
    const sessions: RawSession[] = [];
    for (const gateway of gateways) {
      const url = `${gateway.url}${seeded.path}`;
      const opened = await Promise.all(
        Array.from({ length: SESSIONS_PER_GATEWAY }, () => openRawSession(dispatcher, url, seeded.token)),
      );
      sessions.push(...opened);
    }
    // The limit is per calendar minute: start the burst well before a minute boundary.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));

    const answers = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => sessions[i % sessions.length]?.call("MountIso", ARGS)),
    );
    const texts = answers.map(textOf);
    const denied = texts.filter((text) => text.startsWith("[POLICY DENIED]"));
    expect(upstream.stats().toolCalls.MountIso).toBe(30);
    expect(denied.length).toBe(CALLS - 30);
    expect(
      denied.every((text) => text.includes("Rule: /tools/MountIso/limits/0") && text.includes("Retry after")),
    ).toBe(true);
  });
});
