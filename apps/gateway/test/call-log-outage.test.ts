import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { connect, createServer, type Server } from "node:net";
import { type CallLogRecord, createDb, listCallLogs, newId } from "@toolgate/db";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it, vi } from "vitest";
import { BullmqCallLogSink } from "../src/call-log/bullmq-call-log-sink";
import { startCallLogWorker } from "../src/call-log/call-log-worker";
import { createLogger } from "../src/logger";
import { seedTenant } from "./support/seed-tenant";
import { testDb } from "./support/test-db";
import { testEnv } from "./support/test-env";

afterAll(async () => {
  await testDb.$disconnect();
});

/** A TCP relay to the real Postgres that can be switched off and on, to simulate an outage. */
async function postgresRelay(): Promise<{ port: number; start(): Promise<void>; stop(): Promise<void> }> {
  const target = new URL(testEnv.databaseUrl);
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<Server>((resolve) => {
      const relay = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        client.pipe(upstream).pipe(client);
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
      });
      relay.listen(port, "127.0.0.1", () => resolve(relay));
    });
  const probe = await listen(0);
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return {
    port,
    async start() {
      server = await listen(port);
    },
    async stop() {
      await new Promise((resolve) => server?.close(resolve));
    },
  };
}

describe("call logs during a Postgres outage", () => {
  it("are retried until Postgres is back, and none is lost", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: "http://127.0.0.1:9/mcp" });
    const relay = await postgresRelay();
    const downUrl = new URL(testEnv.databaseUrl);
    downUrl.port = String(relay.port);
    const workerDb = createDb(downUrl.toString());
    const logger = createLogger("silent");
    const queueName = `call-logs-test-${randomUUID()}`;
    const sink = new BullmqCallLogSink({ redisUrl: testEnv.redisUrl, logger, queueName });
    const worker = startCallLogWorker({ redisUrl: testEnv.redisUrl, db: workerDb, logger, queueName });
    let failures = 0;
    worker.on("failed", () => {
      failures += 1;
    });
    try {
      for (let i = 0; i < 5; i++) sink.write(record(seeded, i));
      await vi.waitFor(() => expect(failures).toBeGreaterThan(0), { timeout: 10_000 });
      await relay.start();
      await vi.waitFor(
        async () => {
          const { rows } = await listCallLogs(testDb, seeded.tenantId, {}, { limit: 10 });
          expect(rows.map((row) => row.tool).sort()).toEqual([
            "tool-0",
            "tool-1",
            "tool-2",
            "tool-3",
            "tool-4",
          ]);
        },
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      await sink.close();
      await worker.close();
      const queue = new Queue(queueName, { connection: { url: testEnv.redisUrl } });
      await queue.obliterate({ force: true });
      await queue.close();
      await workerDb.$disconnect();
      await relay.stop();
    }
  });
});

function record(seeded: Awaited<ReturnType<typeof seedTenant>>, i: number): CallLogRecord {
  return {
    id: newId("req"),
    tenantId: seeded.tenantId,
    serverId: seeded.serverId,
    grantId: seeded.grantId,
    grantLabel: seeded.grantLabel,
    sessionId: null,
    method: "tools/call",
    tool: `tool-${i}`,
    decision: "allow",
    rule: "(default allow)",
    message: null,
    policyVersion: 1,
    upstreamStatus: 200,
    latencyMs: 1.5,
    argumentKeys: [],
    arguments: null,
    createdAt: new Date(),
  };
}
