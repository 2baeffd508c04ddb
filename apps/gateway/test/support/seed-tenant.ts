import { randomUUID } from "node:crypto";
import { createGrant, createServer, createUserWithTenant, type Db, publishPolicy } from "@toolgate/db";
import { generateToken, hashToken, sealSecret, tokenPrefix } from "@toolgate/secrets";
import { testEnv } from "./test-env";

export type SeededTenant = {
  tenantId: string;
  tenantSlug: string;
  serverId: string;
  serverSlug: string;
  grantId: string;
  grantLabel: string;
  token: string;
  /** The gateway path of the server: /<tenant>/<server>/mcp. */
  path: string;
};

/** A new tenant (unique slug) with one server, optionally a published policy, and one grant for it. */
export async function seedTenant(
  db: Db,
  options: {
    upstreamUrl: string;
    policy?: unknown;
    upstreamHeaders?: Record<string, string>;
    grantLabel?: string;
    transport?: "streamable_http" | "sse" | "stdio";
  },
): Promise<SeededTenant> {
  const unique = randomUUID().slice(0, 8);
  const { tenant } = await createUserWithTenant(db, {
    email: `gw-${unique}@example.test`,
    passwordHash: "not-used",
    tenantName: `Gateway Test ${unique}`,
  });
  const server = await createServer(db, tenant.id, {
    name: "Lab Hypervisor",
    url: options.upstreamUrl,
    transport: options.transport ?? "streamable_http",
    headersSealed:
      options.upstreamHeaders === undefined
        ? null
        : sealSecret(JSON.stringify(options.upstreamHeaders), testEnv.secretKey),
  });
  if (options.policy !== undefined) {
    await publishPolicy(db, tenant.id, server.id, { document: options.policy });
  }
  const token = generateToken("grt");
  const grantLabel = options.grantLabel ?? "alice-laptop";
  const grant = await createGrant(db, tenant.id, {
    label: grantLabel,
    tokenHash: hashToken(token),
    tokenPrefix: tokenPrefix(token),
    serverId: server.id,
  });
  return {
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    serverId: server.id,
    serverSlug: server.slug,
    grantId: grant.id,
    grantLabel,
    token,
    path: `/${tenant.slug}/${server.slug}/mcp`,
  };
}
