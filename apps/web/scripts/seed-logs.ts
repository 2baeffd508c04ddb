// Seeds one tenant with many call records (default 10 million) to measure the logs page at scale.
// Usage: tsx scripts/seed-logs.ts [--rows N]; DATABASE_URL defaults to a separate toolgate_bench
// database. Writes the tenant's details (and a login) to .toolgate/logs-bench.json.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  createDb,
  createGrant,
  createServer,
  createUserWithTenant,
  migrateDeploy,
  rebuildCallLogRollups,
} from "@toolgate/db";
import { hashPassword, hashToken } from "@toolgate/secrets";
import { z } from "zod";
import { seedCallLogs } from "./lib/seed-call-logs";

const repoRoot = resolve(import.meta.dirname, "../../..");
const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/toolgate_bench"),
  LOGS_BENCH_OUTPUT: z.string().default(resolve(repoRoot, ".toolgate/logs-bench.json")),
});
const env = envSchema.parse(process.env);
const { values } = parseArgs({ options: { rows: { type: "string", default: "10000000" } } });
const rows = z.coerce.number().int().positive().parse(values.rows);

await migrateDeploy(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
try {
  const unique = randomUUID().slice(0, 8);
  const password = `logs-bench-${unique}`;
  const { tenant, user } = await createUserWithTenant(db, {
    email: `logs-bench-${unique}@toolgate.dev`,
    passwordHash: await hashPassword(password),
    tenantName: `Logs bench ${unique}`,
  });
  const servers = await Promise.all(
    ["virtualization", "storage", "network"].map((name) =>
      createServer(db, tenant.id, {
        name,
        url: `http://127.0.0.1:9/${name}`,
        transport: "streamable_http",
        headersSealed: null,
      }),
    ),
  );
  const grants = [];
  for (let index = 0; index < 20; index += 1) {
    const label = `agent-${String(index).padStart(2, "0")}`;
    grants.push(
      await createGrant(db, tenant.id, {
        label,
        tokenHash: hashToken(`${unique}-${label}`),
        tokenPrefix: "tg_grt_",
      }),
    );
  }
  const started = performance.now();
  await seedCallLogs(db, {
    tenantId: tenant.id,
    serverIds: servers.map((server) => server.id),
    grants: grants.map((grant) => ({ id: grant.id, label: grant.label })),
    rows,
    onProgress: (inserted, total) => {
      const seconds = (performance.now() - started) / 1000;
      const rate = Math.round(inserted / seconds);
      process.stdout.write(
        `${inserted.toLocaleString("en")} / ${total.toLocaleString("en")} rows, ${seconds.toFixed(0)} s, ${rate.toLocaleString("en")} rows/s\n`,
      );
    },
  });
  // The bulk load bypasses insertCallLogs, so the overview's hourly rollups are computed from the rows.
  const rollupStarted = performance.now();
  await rebuildCallLogRollups(db, tenant.id);
  console.log(`Hourly rollups rebuilt in ${((performance.now() - rollupStarted) / 1000).toFixed(1)} s`);
  await db.$executeRawUnsafe('ANALYZE "CallLog"');
  await db.$executeRawUnsafe('ANALYZE "CallLogHourly"');
  const details = {
    databaseUrl: env.DATABASE_URL,
    tenantId: tenant.id,
    userId: user.id,
    login: { email: user.email, password },
    serverIds: servers.map((server) => server.id),
    grantIds: grants.map((grant) => grant.id),
    rows,
  };
  mkdirSync(dirname(env.LOGS_BENCH_OUTPUT), { recursive: true });
  writeFileSync(env.LOGS_BENCH_OUTPUT, `${JSON.stringify(details, null, 2)}\n`, { mode: 0o600 });
  console.log(
    `Seeded ${rows.toLocaleString("en")} call records in ${((performance.now() - started) / 1000).toFixed(0)} s; details in ${env.LOGS_BENCH_OUTPUT}`,
  );
} finally {
  await db.$disconnect();
}
