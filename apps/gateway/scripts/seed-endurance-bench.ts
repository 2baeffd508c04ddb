// Seeds two tenants for bench/soak.ts and bench/noisy-neighbour.ts. Prints JSON on stdout:
// {"quiet":{"token","path"},"noisy":{"token","limited","hung","held"}}.
// quiet: echo allowed. noisy: echo limited to 600/minute (10/s), a server that never answers (hung),
// and echo held for approval. Usage: node --import tsx apps/gateway/scripts/seed-endurance-bench.ts <upstream-url> <hung-url> [noisy-upstream-url]
// (the noisy tenant's servers use noisy-upstream-url when given, so its allowed calls load a server of its own).
import { randomUUID } from "node:crypto";
import {
  createDb,
  createGrant,
  createServer,
  createUserWithTenant,
  type Db,
  migrateDeploy,
  publishPolicy,
} from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";

const [upstreamUrl, hungUrl, noisyUrl] = process.argv.slice(2);
if (upstreamUrl === undefined || hungUrl === undefined) {
  throw new Error("usage: seed-endurance-bench.ts <upstream-url> <hung-url> [noisy-upstream-url]");
}
const noisyUpstreamUrl = noisyUrl ?? upstreamUrl;
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";
await migrateDeploy(databaseUrl);
const db = createDb(databaseUrl);

async function tenant(db: Db, servers: Record<string, { url: string; policy: unknown }>) {
  const unique = randomUUID().slice(0, 8);
  const { tenant } = await createUserWithTenant(db, {
    email: `endurance-${unique}@example.test`,
    passwordHash: "not-used",
    tenantName: `Endurance ${unique}`,
  });
  const paths: Record<string, string> = {};
  for (const [name, { url, policy }] of Object.entries(servers)) {
    const server = await createServer(db, tenant.id, {
      name,
      url,
      transport: "streamable_http",
      headersSealed: null,
    });
    await publishPolicy(db, tenant.id, server.id, { document: policy });
    paths[name] = `/${tenant.slug}/${server.slug}/mcp`;
  }
  const token = generateToken("grt");
  await createGrant(db, tenant.id, {
    label: "bench",
    tokenHash: hashToken(token),
    tokenPrefix: tokenPrefix(token),
  });
  return { token, paths };
}

const allowEcho = { version: "1", default: "deny", tools: { echo: {} } };
const quiet = await tenant(db, { open: { url: upstreamUrl, policy: allowEcho } });
const noisy = await tenant(db, {
  limited: {
    url: noisyUpstreamUrl,
    policy: { version: "1", default: "deny", tools: { echo: { rate_limit: "600/minute" } } },
  },
  hung: { url: hungUrl, policy: { version: "1", default: "allow" } },
  held: {
    url: noisyUpstreamUrl,
    policy: {
      version: "1",
      default: "deny",
      tools: { echo: { action: "require_approval", approval: { timeout: "30m" } } },
    },
  },
});
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ quiet, noisy })}\n`);
