import { randomUUID } from "node:crypto";
import { type CallLogRecord, newId } from "@toolgate/db";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startCallLogWorker } from "../src/call-log/call-log-worker";
import { createLogger } from "../src/logger";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { type JsonUpstream, startJsonUpstream } from "./support/start-json-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { testEnv } from "./support/test-env";

let upstream: JsonUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startJsonUpstream();
  gateway = await startTestGateway(testDb, { runLogWorker: true });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

function postRaw(seeded: SeededTenant, body: string): Promise<Response> {
  return fetch(`${gateway.url}${seeded.path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${seeded.token}`,
    },
    body,
  });
}

const call = (id: number, name: string, args: string) =>
  `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":${JSON.stringify(name)},"arguments":${args}}}`;

describe("poison call-log records", () => {
  it("a batch with a NUL-named call and a deeply nested argument loses no other record", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    await testDb.tenant.update({ where: { id: seeded.tenantId }, data: { logArgumentValues: true } });
    // Deep enough that JSON.stringify of the parsed arguments would throw (RangeError) in Node: the gateway
    // now refuses such a body at its boundary (nesting limit), and still logs the refused request.
    const depth = 100_000;
    const deep = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const good = Array.from({ length: 20 }, (_, i) => call(i, "greet", `{"n":${i}}`));
    const responses = await Promise.all([
      ...good.map((body) => postRaw(seeded, body)),
      postRaw(seeded, call(100, "bad\u0000tool", "{}")),
      postRaw(seeded, call(101, "greet", `{"deep":${deep}}`)),
    ]);
    const deepAnswer = await responses.at(-1)?.text();
    expect(deepAnswer).toContain("levels deep");
    await Promise.all(responses.slice(0, -1).map((response) => response.body?.cancel()));
    await vi.waitFor(
      async () => {
        const rows = await testDb.callLog.findMany({ where: { tenantId: seeded.tenantId } });
        expect(rows).toHaveLength(22);
      },
      { timeout: 20_000, interval: 200 },
    );
    const rows = await testDb.callLog.findMany({ where: { tenantId: seeded.tenantId } });
    expect(rows.filter((row) => row.tool === "greet")).toHaveLength(20);
    expect(rows.some((row) => row.tool === "bad\uFFFDtool")).toBe(true);
    expect(rows.some((row) => row.message?.includes("levels deep") === true)).toBe(true);
  });

  it("the worker isolates a record Postgres refuses: the rest of its batch is written, it is dead-lettered with the reason", async () => {
    const a = await seedTenant(testDb, { upstreamUrl: upstream.url });
    const b = await seedTenant(testDb, { upstreamUrl: upstream.url });
    const queueName = `call-logs-test-${randomUUID()}`;
    const queue = new Queue(queueName, { connection: { url: testEnv.redisUrl } });
    const worker = startCallLogWorker({
      redisUrl: testEnv.redisUrl,
      db: testDb,
      logger: createLogger("silent"),
      queueName,
    });
    try {
      const poison = record(a, "raw\u0000name");
      const invalid = { ...record(a, "greet"), decision: "bogus" };
      // Added as a producer that does not sanitise would: straight onto the queue, in one batch.
      await queue.add("batch", {
        records: [record(a, "greet"), poison, record(b, "greet"), invalid, record(b, "greet")],
      });
      await vi.waitFor(
        async () => {
          const letters = await testDb.callLogDeadLetter.findMany({ where: { tenantId: a.tenantId } });
          expect(letters).toHaveLength(2);
        },
        { timeout: 20_000, interval: 200 },
      );
      expect(await testDb.callLog.count({ where: { tenantId: a.tenantId } })).toBe(1);
      expect(await testDb.callLog.count({ where: { tenantId: b.tenantId } })).toBe(2);
      const letters = await testDb.callLogDeadLetter.findMany({ where: { tenantId: a.tenantId } });
      const byRecord = new Map(letters.map((letter) => [letter.recordId, letter]));
      expect(byRecord.get(poison.id)?.reason).toMatch(/0x00|invalid byte sequence/);
      expect(JSON.parse(byRecord.get(poison.id)?.payload ?? "{}").tool).toBe("raw\u0000name");
      expect(byRecord.get(invalid.id)?.reason).toMatch(/invalid call-log record: decision/);
      // Visible: the gateway's health endpoint counts dead-lettered records.
      await vi.waitFor(
        async () => {
          const health = (await (await fetch(`${gateway.url}/healthz`)).json()) as {
            callLogs: { deadLettered: number };
          };
          expect(health.callLogs.deadLettered).toBeGreaterThanOrEqual(2);
        },
        { timeout: 10_000, interval: 500 },
      );
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

function record(seeded: SeededTenant, tool: string): CallLogRecord {
  return {
    id: newId("req"),
    tenantId: seeded.tenantId,
    serverId: seeded.serverId,
    grantId: seeded.grantId,
    grantLabel: seeded.grantLabel,
    sessionId: null,
    method: "tools/call",
    tool,
    decision: "allow",
    rule: null,
    message: null,
    policyVersion: null,
    upstreamStatus: 200,
    latencyMs: 1,
    argumentKeys: [],
    arguments: null,
    createdAt: new Date(),
  };
}
