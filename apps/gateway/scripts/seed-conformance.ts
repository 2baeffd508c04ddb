// Seeds a tenant for the conformance comparison (bench/conformance-gateway.ts): one server in front
// of the given upstream under an allow-all policy, and a grant. Prints {"token","path"} as JSON.
// Usage: node --import tsx apps/gateway/scripts/seed-conformance.ts <upstream-url>
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
if (upstreamUrl === undefined) throw new Error("usage: seed-conformance.ts <upstream-url>");
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";

await migrateDeploy(databaseUrl);
const db = createDb(databaseUrl);
const unique = randomUUID().slice(0, 8);
const { tenant } = await createUserWithTenant(db, {
  email: `conformance-${unique}@example.test`,
  passwordHash: "not-used",
  tenantName: `Conformance ${unique}`,
});
const server = await createServer(db, tenant.id, {
  name: "conformance reference",
  url: upstreamUrl,
  transport: "streamable_http",
  headersSealed: null,
});
await publishPolicy(db, tenant.id, server.id, { document: { version: "1", default: "allow" } });
const token = generateToken("grt");
await createGrant(db, tenant.id, {
  label: "conformance",
  tokenHash: hashToken(token),
  tokenPrefix: tokenPrefix(token),
  serverId: server.id,
});
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ token, path: `/${tenant.slug}/${server.slug}/mcp` })}\n`);
