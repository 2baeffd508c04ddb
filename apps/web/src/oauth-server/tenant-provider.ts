import { createPrivateKey } from "node:crypto";
import { type Db, findGrant, findServerBySlugs, upsertOAuthRecord } from "@toolgate/db";
import { deriveKey, OAUTH_ACCESS_TOKEN_KEY } from "@toolgate/secrets";
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from "oidc-provider";
import { Agent, fetch as undiciFetch } from "undici";
import { CONSENT_REQUEST_KIND, type ConsentRequest, toolgateResultSchema } from "./consent-request";
import { gatewayResource, parseGatewayResource } from "./gateway-resource";
import { oauthAdapterFor } from "./oauth-adapter";

export type TenantProviderOptions = {
  db: Db;
  secretKey: Buffer;
  /** Public URL of the dashboard; the issuer is `<dashboardUrl>/oauth/<tenant slug>`. */
  dashboardUrl: string;
  gatewayUrl: string;
  /** Dev flag: Client ID Metadata Documents may live on private addresses with self-signed certificates. */
  allowPrivate: boolean;
};

const ACCESS_TOKEN_TTL_S = 10 * 60;
const MISSING_RESOURCE = "urn:toolgate:missing-resource";
// PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** The tenant's authorization server: oidc-provider configured for MCP clients only. */
export function createTenantProvider(
  options: TenantProviderOptions,
  tenant: { id: string; slug: string },
): Provider {
  const { db, secretKey, dashboardUrl, gatewayUrl } = options;
  const issuer = `${dashboardUrl}/oauth/${tenant.slug}`;
  const accessTokenKey = deriveKey(secretKey, OAUTH_ACCESS_TOKEN_KEY);
  const signingKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, deriveKey(secretKey, "oauth-id-token-v1")]),
    format: "der",
    type: "pkcs8",
  }).export({ format: "jwk" });

  const resourceServerInfo = async (_ctx: KoaContextWithOIDC, resource: string) => {
    const target = parseGatewayResource(gatewayUrl, resource);
    if (target === null || target.tenantSlug !== tenant.slug) {
      throw new errors.InvalidTarget(
        `resource must be one of this organisation's gateway URLs (${gatewayUrl}/${tenant.slug}/<server>/mcp)`,
      );
    }
    if ((await findServerBySlugs(db, tenant.slug, target.serverSlug)) === null) {
      throw new errors.InvalidTarget("resource names an unknown server");
    }
    return {
      scope: "mcp",
      audience: gatewayResource(gatewayUrl, tenant.slug, target.serverSlug),
      accessTokenTTL: ACCESS_TOKEN_TTL_S,
      accessTokenFormat: "jwt" as const,
      jwt: { sign: { alg: "HS256" as const, key: accessTokenKey } },
    };
  };

  // Codes and refresh tokens stop working too once the grant is revoked or expired.
  const liveGrant = async (grantId: string) => {
    const grant = await findGrant(db, tenant.id, grantId);
    if (grant === null || grant.revokedAt !== null) return null;
    if (grant.expiresAt !== null && grant.expiresAt.getTime() <= Date.now()) return null;
    return grant;
  };

  const privateFetch = new Agent({ connect: { rejectUnauthorized: false } });

  const configuration: Configuration = {
    adapter: oauthAdapterFor(db, tenant.id),
    clients: [],
    jwks: { keys: [{ ...signingKey, kid: "toolgate-1", use: "sig", alg: "EdDSA" }] },
    cookies: { keys: [deriveKey(secretKey, "oauth-cookies-v1").toString("base64url")] },
    scopes: ["mcp", "offline_access"],
    claims: { openid: ["sub"] },
    responseTypes: ["code"],
    pkce: { required: () => true },
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      id_token_signed_response_alg: "EdDSA",
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_S,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 24 * 60 * 60,
      Grant: 365 * 24 * 60 * 60,
      RefreshToken: 30 * 24 * 60 * 60,
    },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true, initialAccessToken: false },
      revocation: { enabled: true },
      introspection: { enabled: false },
      userinfo: { enabled: false },
      clientIdMetadataDocument: {
        enabled: true,
        ack: "draft-02",
        allowFetch: async () => true,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? MISSING_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: resourceServerInfo,
      },
    },
    fetch: (url, init) =>
      options.allowPrivate
        ? (undiciFetch(requestUrl(url), {
            ...init,
            dispatcher: privateFetch,
          } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>)
        : fetch(url, init),
    // The account is the member who consented; what the tokens may do is the grant consent created.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== "AccessToken" || token.grantId === undefined) return undefined;
      const grant = await liveGrant(token.grantId);
      if (grant === null) throw new errors.InvalidGrant("the grant was revoked or has expired");
      // The gateway finds the grant by its token hash, through the cache it already keeps.
      return { tgh: grant.tokenHash };
    },
    // Consent is per client and server: a grant exists only when this very request was approved.
    loadExistingGrant: async (ctx) => {
      const parsed = toolgateResultSchema.safeParse(ctx.oidc.result?.toolgate);
      const client = ctx.oidc.client;
      const accountId = ctx.oidc.session?.accountId;
      if (!parsed.success || client === undefined || accountId === undefined) return undefined;
      // The OAuth grant carries the Toolgate grant's id, so its codes and tokens name it as their grantId.
      const grant = Object.assign(new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId }), {
        jti: parsed.data.grantId,
      });
      grant.addOIDCScope("mcp");
      grant.addResourceScope(parsed.data.resource, "mcp");
      await grant.save();
      return grant;
    },
    interactions: {
      url: async (ctx, interaction) => {
        const client = ctx.oidc.client;
        const resource = String(ctx.oidc.params?.resource ?? "");
        const target = parseGatewayResource(gatewayUrl, resource);
        if (client === undefined || target === null) throw new errors.InvalidTarget();
        const redirectUri = String(ctx.oidc.params?.redirect_uri ?? "");
        const request: ConsentRequest = {
          clientId: client.clientId,
          clientName: client.clientName ?? client.clientId,
          logoUri: typeof client.logoUri === "string" ? client.logoUri : null,
          redirectHost: URL.parse(redirectUri)?.host ?? redirectUri,
          verified: /^https:\/\//.test(client.clientId),
          resource,
          serverSlug: target.serverSlug,
          returnTo: interaction.returnTo,
        };
        await upsertOAuthRecord(
          db,
          { tenantId: tenant.id, kind: CONSENT_REQUEST_KIND, id: interaction.uid },
          { payload: request, expiresAt: new Date(Date.now() + 10 * 60 * 1000) },
        );
        return `${dashboardUrl}/oauth-consent/${tenant.slug}/${interaction.uid}`;
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><title>Sign-in failed</title><h1>Sign-in failed</h1><p>${escapeHtml(
        String(out.error_description ?? out.error),
      )}</p>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = true;
  return provider;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function requestUrl(url: string | URL | Request): string {
  if (typeof url === "string") return url;
  return url instanceof URL ? url.href : url.url;
}
