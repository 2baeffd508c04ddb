import { revokeGrant } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { deriveKey, hashToken, OAUTH_ACCESS_TOKEN_KEY } from "@toolgate/secrets";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectClient } from "./support/connect-client";
import { initializeRequest } from "./support/raw-requests";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { testEnv } from "./support/test-env";

const DASHBOARD = "https://dashboard.toolgate.test";
const accessTokenKey = new Uint8Array(deriveKey(testEnv.secretKey, OAUTH_ACCESS_TOKEN_KEY));
let upstream: DemoUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  gateway = await startTestGateway(testDb, { oauth: { dashboardUrl: DASHBOARD } });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

/** An access token as the tenant's authorization server issues it (RFC 9068 JWT, HS256). */
function accessToken(
  seeded: SeededTenant,
  overrides: { aud?: string; iss?: string; expSeconds?: number; key?: Uint8Array; tgh?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tgh: overrides.tgh ?? hashToken(seeded.token), scope: "mcp", client_id: "client-1" })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(overrides.iss ?? `${DASHBOARD}/oauth/${seeded.tenantSlug}`)
    .setAudience(overrides.aud ?? `${gateway.url}${seeded.path}`)
    .setSubject("usr_1")
    .setIssuedAt(now)
    .setExpirationTime(overrides.expSeconds ?? now + 600)
    .sign(overrides.key ?? accessTokenKey);
}

const listVms = { name: "ListVms", arguments: {} };

describe("the gateway as an OAuth protected resource", () => {
  it("answers 401 naming its protected-resource metadata, which names the tenant's authorization server", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const response = await fetch(`${gateway.url}${seeded.path}`, initializeRequest());
    expect(response.status).toBe(401);
    const metadataUrl = `${gateway.url}/.well-known/oauth-protected-resource${seeded.path}`;
    expect(response.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${metadataUrl}"`);
    expect(await (await fetch(metadataUrl)).json()).toMatchObject({
      resource: `${gateway.url}${seeded.path}`,
      authorization_servers: [`${DASHBOARD}/oauth/${seeded.tenantSlug}`],
      scopes_supported: ["mcp"],
    });
  });

  it("accepts an access token for exactly this URL as its grant, with no database query once cached", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const token = await accessToken(seeded);
    const client = await connectClient(`${gateway.url}${seeded.path}`, token);
    expect((await client.callTool(listVms)).isError).toBeFalsy();
    const loads = gateway.gateway.cache.loads();
    expect((await client.callTool(listVms)).isError).toBeFalsy();
    expect(gateway.gateway.cache.loads()).toBe(loads);
    await client.close();
    // The pasted grant token keeps working next to it.
    const pasted = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    expect((await pasted.callTool(listVms)).isError).toBeFalsy();
    await pasted.close();
  });

  it("refuses expired, foreign-audience, foreign-issuer, wrongly signed and unsigned tokens; the upstream sees none", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const other = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt" })).toString("base64url");
    const claims = Buffer.from(
      JSON.stringify({
        tgh: hashToken(seeded.token),
        iss: `${DASHBOARD}/oauth/${seeded.tenantSlug}`,
        aud: `${gateway.url}${seeded.path}`,
        exp: now + 600,
      }),
    ).toString("base64url");
    const refused = [
      await accessToken(seeded, { expSeconds: now - 1 }),
      await accessToken(seeded, { aud: `${gateway.url}${other.path}` }),
      await accessToken(seeded, { iss: `${DASHBOARD}/oauth/${other.tenantSlug}` }),
      await accessToken(seeded, { key: new Uint8Array(32).fill(7) }),
      await accessToken(seeded, { tgh: hashToken("tg_grt_made_up") }),
      `${header}.${claims}.x`,
    ];
    const before = upstream.stats().sessions;
    for (const token of refused) {
      const response = await fetch(
        `${gateway.url}${seeded.path}`,
        initializeRequest({ authorization: `Bearer ${token}` }),
      );
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    // A token for one tenant's server is no good at another tenant's server either.
    const elsewhere = await fetch(
      `${gateway.url}${other.path}`,
      initializeRequest({ authorization: `Bearer ${await accessToken(seeded)}` }),
    );
    expect(elsewhere.status).toBe(401);
    expect(upstream.stats().sessions).toBe(before);
  });

  it("stops accepting the tokens of a revoked grant at once", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "allow" },
    });
    const auth = { authorization: `Bearer ${await accessToken(seeded)}` };
    const url = `${gateway.url}${seeded.path}`;
    expect((await fetch(url, initializeRequest(auth))).status).toBe(200);
    await revokeGrant(testDb, seeded.tenantId, seeded.grantId);
    await vi.waitFor(async () => expect((await fetch(url, initializeRequest(auth))).status).toBe(401));
  });
});
