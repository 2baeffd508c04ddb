// Seeds a tenant for bench/gateway-proxy.ts: two servers in front of one upstream (one policy allowing
// echo, one allowing it under a rate limit) and a grant. Prints {"token","paths"} as JSON on stdout.
// Usage: node --import tsx apps/gateway/scripts/seed-bench.ts <upstream-url>
import { randomUUID } from "node:crypto";
import {
  createDb,
  createGrant,
  createServer,
  createUserWithTenant,
  migrateDeploy,
  publishPolicy,
} from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";

const upstreamUrl = process.argv[2];
if (upstreamUrl === undefined) throw new Error("usage: seed-bench.ts <upstream-url>");
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";

await migrateDeploy(databaseUrl);
const db = createDb(databaseUrl);
const unique = randomUUID().slice(0, 8);
const { tenant } = await createUserWithTenant(db, {
  email: `bench-${unique}@example.test`,
  passwordHash: "not-used",
  tenantName: `Bench ${unique}`,
});
const policies = {
  open: { version: "1", default: "deny", tools: { echo: {} } },
  limited: { version: "1", default: "deny", tools: { echo: { rate_limit: "100000000/minute" } } },
};
const paths: Record<string, string> = {};
for (const [name, document] of Object.entries(policies)) {
  const server = await createServer(db, tenant.id, {
    name: `everything ${name}`,
    url: upstreamUrl,
    transport: "streamable_http",
    headersSealed: null,
  });
  await publishPolicy(db, tenant.id, server.id, { document });
  paths[name] = `/${tenant.slug}/${server.slug}/mcp`;
  // On the tenant URL the open server's echo is `<server-slug>__echo`.
  if (name === "open") paths.tenantTool = `${server.slug}__echo`;
}
paths.tenant = `/${tenant.slug}/mcp`;
const token = generateToken("grt");
await createGrant(db, tenant.id, {
  label: "bench",
  tokenHash: hashToken(token),
  tokenPrefix: tokenPrefix(token),
});
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ token, paths })}\n`);
