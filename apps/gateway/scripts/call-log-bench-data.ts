// Data for bench/call-log-throughput.ts. Prints JSON on stdout. Usage (DATABASE_URL, REDIS_URL set):
//   call-log-bench-data.ts enqueue <queue> <count> <prefix>
//     → {"tenantId"}: a tenant (slug <prefix>-0) with a server and a grant, and <count> tools/call records of
//       it queued on <queue> in batches of 1,000 (the gateway's largest), as the gateway's sink queues them
//   call-log-bench-data.ts wait <tenantId> <count>
//     → {"doneAtMs"}: polls the tenant's call-log rows every 50 ms until <count> are written; doneAtMs is
//       when all were seen (epoch ms)
// Cleanup: seed-scale.ts cleanup <prefix> (the tenant's rows cascade).
import { createDb, newId } from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { BullmqCallLogSink } from "../src/call-log/bullmq-call-log-sink";
import { createLogger } from "../src/logger";

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const BATCH = 1_000;

async function enqueue(queueName: string, count: number, prefix: string): Promise<{ tenantId: string }> {
  const db = createDb(databaseUrl);
  const tenantId = newId("ten");
  const serverId = newId("srv");
  const grantId = newId("grt");
  const slug = `${prefix}-0`;
  const token = generateToken("grt");
  await db.$transaction([
    db.tenant.create({ data: { id: tenantId, slug, name: slug } }),
    db.server.create({
      data: {
        id: serverId,
        tenantId,
        slug: "echo",
        name: "echo",
        url: "http://127.0.0.1:9/mcp",
        transport: "streamable_http",
      },
    }),
    db.grant.create({
      data: {
        id: grantId,
        tenantId,
        serverId,
        label: "bench",
        tokenHash: hashToken(token),
        tokenPrefix: tokenPrefix(token),
      },
    }),
  ]);
  await db.$disconnect();
  const sink = new BullmqCallLogSink({
    redisUrl,
    logger: createLogger("warn"),
    queueName,
    maxBatch: BATCH,
    flushIntervalMs: 1_000,
  });
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    sink.write({
      id: newId("req"),
      tenantId,
      serverId,
      grantId,
      grantLabel: "bench",
      sessionId: null,
      method: "tools/call",
      tool: "echo",
      decision: "allow",
      rule: "/tools/echo",
      message: null,
      policyVersion: 1,
      upstreamStatus: 200,
      latencyMs: 1.5,
      argumentKeys: ["message"],
      arguments: null,
      createdAt: new Date(now + i),
    });
  }
  await sink.close();
  return { tenantId };
}

async function wait(tenantId: string, count: number) {
  const db = createDb(databaseUrl);
  try {
    for (;;) {
      const rows = await db.callLog.count({ where: { tenantId } });
      if (rows >= count) return { doneAtMs: Date.now() };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await db.$disconnect();
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "enqueue") {
  const [queueName, count, prefix] = args;
  if (queueName === undefined || count === undefined || prefix === undefined)
    throw new Error("usage: call-log-bench-data.ts enqueue <queue> <count> <prefix>");
  process.stdout.write(`${JSON.stringify(await enqueue(queueName, Number(count), prefix))}\n`);
} else if (mode === "wait") {
  const [tenantId, count] = args;
  if (tenantId === undefined || count === undefined)
    throw new Error("usage: call-log-bench-data.ts wait <tenantId> <count>");
  process.stdout.write(`${JSON.stringify(await wait(tenantId, Number(count)))}\n`);
} else {
  throw new Error("usage: call-log-bench-data.ts enqueue|wait …");
}
