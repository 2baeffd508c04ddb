import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { installationNamespace } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRawSession, type RawSession } from "./support/raw-session";
import { type RedisClusterFixture, startRedisCluster } from "./support/redis-cluster";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { type GatewayProcess, spawnGateway } from "./support/spawn-gateway";
import { testDb } from "./support/test-db";
import { testEnv } from "./support/test-env";

const canonicalPolicy = JSON.parse(
  readFileSync(new URL("./fixtures/canonical-policy.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
// The canonical policy plus generous tenant- and session-scoped counters: each call's script then
// takes three keys of three scopes, which a cluster runs in one script only if they share a slot.
const policy = {
  ...canonicalPolicy,
  all_tools: {
    limits: [
      { counter: "everything", window: "hour", max: 100_000, scope: "tenant" },
      { counter: "per_session", window: "hour", max: 100_000, scope: "session" },
    ],
  },
};
const CALLS = 1_000;
const SESSIONS_PER_GATEWAY = 40;
const ARGS = { vm_name: "alpine-ci", iso_path: "/srv/isos/alpine-virt-3.20.3-x86_64.iso" };
const LIMIT_RULE = "Rule: /tools/MountIso/limits/0";
const UNAVAILABLE = "limit store is unavailable";

let cluster: RedisClusterFixture;
let upstream: DemoUpstream;
let gateways: GatewayProcess[] = [];
const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

beforeAll(async () => {
  cluster = await startRedisCluster();
  upstream = await startDemoUpstream({ port: 0 });
  // Three gateway processes sharing Postgres and the cluster; one of them runs the call-log worker,
  // so the logs prove the BullMQ queue works on the cluster too.
  const env = {
    LOG_LEVEL: "info",
    REDIS_URL: "",
    REDIS_CLUSTER_NODES: cluster.nodesEnv,
    TOOLGATE_MAX_INFLIGHT_PER_TENANT: "2000",
    // Exactness is the point here, not latency: three gateways and six Redis nodes on a loaded
    // machine can lag past the default 250 ms, and a timed-out check fails closed.
    TOOLGATE_LIMITER_TIMEOUT_MS: "5000",
    TOOLGATE_CALL_LOG_QUEUE: `call-logs-cluster-${randomUUID()}`,
  };
  gateways = await Promise.all([
    spawnGateway({ ...env, TOOLGATE_RUN_LOG_WORKER: "1" }),
    spawnGateway(env),
    spawnGateway(env),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await dispatcher.close();
  await upstream?.close();
  await cluster?.stop();
  await testDb.$disconnect();
});

function textOf(message: unknown): string {
  const parsed = message as { result?: { content?: { text?: string }[] } };
  return parsed.result?.content?.[0]?.text ?? JSON.stringify(message);
}

async function sessionsFor(seeded: SeededTenant): Promise<RawSession[]> {
  const sessions: RawSession[] = [];
  for (const gateway of gateways) {
    const url = `${gateway.url}${seeded.path}`;
    const opened = await Promise.all(
      Array.from({ length: SESSIONS_PER_GATEWAY }, () => openRawSession(dispatcher, url, seeded.token)),
    );
    sessions.push(...opened);
  }
  return sessions;
}

async function callAll(sessions: RawSession[], count: number): Promise<string[]> {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) => sessions[i % sessions.length]?.call("MountIso", ARGS)),
  );
  return answers.map(textOf);
}

// The limit is per calendar minute: start each phase well before a minute boundary.
async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 30_000) await sleep(60_500 - intoMinute);
}

/** The MountIso counter of a tenant, read on the master that serves its slot. */
async function counterOf(tenantId: string): Promise<number> {
  const shard = await cluster.shardOf(tenantId);
  const master = cluster.node(shard.master);
  const prefix = `${installationNamespace(testEnv.databaseUrl, undefined)}:tg:rl:{${tenantId}}:`;
  const keys = await master.keys(`${prefix}*mountiso_rate*`);
  const values = await Promise.all(keys.map((key) => master.get(key)));
  return values.reduce((sum, value) => sum + Number(value ?? 0), 0);
}

describe("the canonical policy on a Redis Cluster across three gateway processes", () => {
  it("lets exactly 30 of 1,000 concurrent MountIso calls reach the upstream; the rest name the limit", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy });
    const sessions = await sessionsFor(seeded);
    await awayFromMinuteBoundary();
    const before = upstream.stats().toolCalls.MountIso ?? 0;

    const texts = await callAll(sessions, CALLS);

    const denied = texts.filter((text) => text.startsWith("[POLICY DENIED]"));
    expect(texts.filter((text) => text.includes(UNAVAILABLE))).toEqual([]);
    expect((upstream.stats().toolCalls.MountIso ?? 0) - before).toBe(30);
    expect(denied.length).toBe(CALLS - 30);
    expect(denied.every((text) => text.includes(LIMIT_RULE) && text.includes("Retry after"))).toBe(true);
    expect(await counterOf(seeded.tenantId)).toBe(30);
    // Every call is logged through the BullMQ queue on the cluster.
    await expect
      .poll(() => testDb.callLog.count({ where: { tenantId: seeded.tenantId, method: "tools/call" } }), {
        timeout: 30_000,
        interval: 250,
      })
      .toBe(CALLS);
  });

  it("loses no counted call when the tenant's master fails over mid-run", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy });
    const sessions = await sessionsFor(seeded);
    const shard = await cluster.shardOf(seeded.tenantId);
    const replica = shard.replicas[0];
    if (replica === undefined) throw new Error("the tenant's shard has no replica");
    await awayFromMinuteBoundary();
    const before = upstream.stats().toolCalls.MountIso ?? 0;

    // Ten waves of 100 concurrent calls; the replica takes over while the third wave is in flight.
    const texts: string[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const calls = callAll(sessions, CALLS / 10);
      if (wave === 2) await cluster.startFailover(replica);
      texts.push(...(await calls));
    }
    await cluster.waitForMaster(replica);
    expect((await cluster.shardOf(seeded.tenantId)).master).toBe(replica);
    // After the failover, calls run until the limit denies them all: the budget left is what the
    // new master counted, so nothing counted before the failover was forgotten.
    for (let wave = 0; wave < 10; wave++) {
      const after = await callAll(sessions, 50);
      texts.push(...after);
      if (after.every((text) => text.includes(LIMIT_RULE) && !text.includes(UNAVAILABLE))) break;
    }

    const allowed = (upstream.stats().toolCalls.MountIso ?? 0) - before;
    const unavailable = texts.filter((text) => text.includes(UNAVAILABLE)).length;
    const limited = texts.filter((text) => text.startsWith("[POLICY DENIED]") && !text.includes(UNAVAILABLE));
    // Never more than the limit; calls refused while the store was unreachable fail closed (a refused
    // call may have spent its unit if Redis counted it after the gateway gave up waiting).
    expect(allowed).toBeLessThanOrEqual(30);
    expect(allowed).toBeGreaterThanOrEqual(30 - unavailable);
    expect(allowed + unavailable + limited.length).toBe(texts.length);
    console.log(
      `failover: ${texts.length} calls, ${allowed} allowed, ${limited.length} denied by the limit, ${unavailable} refused while the store was unreachable`,
    );
    expect(await counterOf(seeded.tenantId)).toBe(30);
  });
});
