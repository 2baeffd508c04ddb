// Seeds the scale benches (bench/tenant-scale.ts, bench/policy-scale.ts) in bulk, straight into
// Postgres with createMany batches (the REST API one by one would take minutes at 10,000 tenants).
// Prints JSON on stdout. Usage (DATABASE_URL set):
//   seed-scale.ts tenants <upstream-url> <count> <prefix>
//     → {"tenants":[{"path","token"}…]}: per tenant a server, a grant and a published policy allowing echo
//   seed-scale.ts policies <upstream-url> <prefix> <rules,rules,…>
//     → {"token","paths":{"<rules>":path}}: one tenant, one server per rule count, a tenant-wide grant
//   seed-scale.ts cleanup <prefix>   → deletes every tenant whose slug starts with <prefix> (cascades)
import { createDb, type Db, migrateDeploy, newId, type Prisma } from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";

const BATCH = 1_000;
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";

type TenantSeed = { path: string; token: string };

/** One tenant's rows, ready for createMany. */
function tenantRows(slug: string, upstreamUrl: string, document: Prisma.InputJsonValue) {
  const tenantId = newId("ten");
  const serverId = newId("srv");
  const policyId = newId("pol");
  const token = generateToken("grt");
  return {
    token,
    path: `/${slug}/echo/mcp`,
    tenant: { id: tenantId, slug, name: slug },
    server: {
      id: serverId,
      tenantId,
      slug: "echo",
      name: "echo",
      url: upstreamUrl,
      transport: "streamable_http" as const,
    },
    policy: { id: policyId, tenantId, serverId, currentVersion: 1 },
    version: { id: newId("pv"), tenantId, policyId, version: 1, document, message: "bench" },
    grant: {
      id: newId("grt"),
      tenantId,
      serverId,
      label: "bench",
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
    },
  };
}

async function insertBatch(db: Db, rows: ReturnType<typeof tenantRows>[]): Promise<void> {
  await db.$transaction([
    db.tenant.createMany({ data: rows.map((row) => row.tenant) }),
    db.server.createMany({ data: rows.map((row) => row.server) }),
    db.policy.createMany({ data: rows.map((row) => row.policy) }),
    db.policyVersion.createMany({ data: rows.map((row) => row.version) }),
    db.grant.createMany({ data: rows.map((row) => row.grant) }),
  ]);
}

async function seedTenants(
  db: Db,
  upstreamUrl: string,
  count: number,
  prefix: string,
): Promise<TenantSeed[]> {
  const document = { version: "1", default: "deny", tools: { echo: {} } };
  const seeds: TenantSeed[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) =>
      tenantRows(`${prefix}-${start + i}`, upstreamUrl, document),
    );
    await insertBatch(db, rows);
    for (const row of rows) seeds.push({ path: row.path, token: row.token });
  }
  return seeds;
}

/**
 * A policy of `count` rules: `echo` (allowed under a condition) comes last, after exact names with
 * conditions or limits and globs, so a rule-by-rule scan would reach it last.
 */
function scalePolicy(count: number): Prisma.InputJsonValue {
  const tools: Record<string, Prisma.InputJsonValue> = {};
  for (let i = 0; i < count - 1; i++) {
    if (i % 10 === 9) tools[`group${i}_*`] = { action: "deny" };
    else if (i % 3 === 0)
      tools[`Tool${i}`] = { limits: [{ counter: `c${i}`, window: "minute", max: 30, scope: "grant" }] };
    else if (i % 3 === 1)
      tools[`Tool${i}`] = {
        deny_if: [{ path: "args.action", op: "in", value: ["delete", "reset"] }],
        require: [{ path: "args.vm_name", op: "regex", value: "^test-" }],
      };
    else tools[`Tool${i}`] = {};
  }
  tools.echo = { deny_if: [{ path: "args.message", op: "eq", value: "forbidden" }] };
  return { version: "1", default: "deny", hide: ["Secret*"], tools };
}

async function seedPolicies(
  db: Db,
  upstreamUrl: string,
  prefix: string,
  ruleCounts: number[],
): Promise<{ token: string; paths: Record<string, string> }> {
  const tenantId = newId("ten");
  const slug = `${prefix}-policies`;
  const token = generateToken("grt");
  const paths: Record<string, string> = {};
  await db.$transaction(async (tx) => {
    await tx.tenant.create({ data: { id: tenantId, slug, name: slug } });
    for (const rules of ruleCounts) {
      const serverId = newId("srv");
      const policyId = newId("pol");
      await tx.server.create({
        data: {
          id: serverId,
          tenantId,
          slug: `rules-${rules}`,
          name: `rules ${rules}`,
          url: upstreamUrl,
          transport: "streamable_http",
        },
      });
      await tx.policy.create({ data: { id: policyId, tenantId, serverId, currentVersion: 1 } });
      await tx.policyVersion.create({
        data: { id: newId("pv"), tenantId, policyId, version: 1, document: scalePolicy(rules) },
      });
      paths[String(rules)] = `/${slug}/rules-${rules}/mcp`;
    }
    await tx.grant.create({
      data: {
        id: newId("grt"),
        tenantId,
        label: "bench",
        tokenHash: hashToken(token),
        tokenPrefix: tokenPrefix(token),
      },
    });
  });
  return { token, paths };
}

const [mode, ...args] = process.argv.slice(2);
await migrateDeploy(databaseUrl);
const db = createDb(databaseUrl);
try {
  if (mode === "tenants") {
    const [upstreamUrl, count, prefix] = args;
    if (upstreamUrl === undefined || count === undefined || prefix === undefined)
      throw new Error("usage: seed-scale.ts tenants <upstream-url> <count> <prefix>");
    const tenants = await seedTenants(db, upstreamUrl, Number(count), prefix);
    process.stdout.write(`${JSON.stringify({ tenants })}\n`);
  } else if (mode === "policies") {
    const [upstreamUrl, prefix, counts] = args;
    if (upstreamUrl === undefined || prefix === undefined || counts === undefined)
      throw new Error("usage: seed-scale.ts policies <upstream-url> <prefix> <rules,rules,…>");
    const seeded = await seedPolicies(db, upstreamUrl, prefix, counts.split(",").map(Number));
    process.stdout.write(`${JSON.stringify(seeded)}\n`);
  } else if (mode === "cleanup") {
    const [prefix] = args;
    if (prefix === undefined || prefix.length < 4) throw new Error("usage: seed-scale.ts cleanup <prefix>");
    const { count } = await db.tenant.deleteMany({ where: { slug: { startsWith: `${prefix}-` } } });
    process.stdout.write(`${JSON.stringify({ deleted: count })}\n`);
  } else {
    throw new Error("usage: seed-scale.ts tenants|policies|cleanup …");
  }
} finally {
  await db.$disconnect();
}
