import { deriveKey, OAUTH_ACCESS_TOKEN_KEY } from "@toolgate/secrets";
import { errors as joseErrors, jwtVerify } from "jose";
import type { McpPath } from "../http/mcp-path";

export type OAuthConfig = {
  /** The dashboard's public URL: each tenant's authorization server is `<dashboardUrl>/oauth/<tenant>`. */
  dashboardUrl: string;
  /** The gateway's public URL, which OAuth tokens name as their audience; default: the request's Host. */
  gatewayUrl?: string;
};

const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/;

/**
 * The OAuth side of identity: the gateway as a protected resource (RFC 9728) whose access tokens
 * the tenant's authorization server signs (HS256, a key both derive from TOOLGATE_SECRET_KEY).
 * Verifying a token needs no database: it names its grant by the grant's token hash, which the
 * caller then looks up through the same cache as a pasted grant token.
 */
export class OAuthVerifier {
  private readonly key: Uint8Array;
  private readonly dashboardUrl: string;
  private readonly gatewayUrl: string | undefined;

  constructor(secretKey: Buffer, config: OAuthConfig) {
    this.key = new Uint8Array(deriveKey(secretKey, OAUTH_ACCESS_TOKEN_KEY));
    this.dashboardUrl = config.dashboardUrl.replace(/\/+$/, "");
    this.gatewayUrl = config.gatewayUrl?.replace(/\/+$/, "");
  }

  /** Whether a bearer token is an OAuth access token (a JWT) rather than a grant token. */
  isAccessToken(token: string): boolean {
    return JWT_SHAPE.test(token);
  }

  /** The grant token hash an access token stands for, or null unless it is valid for exactly this gateway URL. */
  async grantTokenHash(
    token: string,
    path: McpPath,
    host: string | undefined,
    nowMs: number,
  ): Promise<string | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: this.issuer(path),
        audience: this.resource(path, host),
        currentDate: new Date(nowMs),
        typ: "at+jwt",
      });
      return typeof payload.tgh === "string" ? payload.tgh : null;
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  }

  /** The `WWW-Authenticate` value of a 401 for this gateway URL. */
  challenge(path: McpPath, host: string | undefined, invalidToken: boolean): string {
    const error = invalidToken ? ', error="invalid_token"' : "";
    return `Bearer resource_metadata="${this.metadataUrl(path, host)}"${error}`;
  }

  /** RFC 9728 protected-resource metadata of one gateway URL. */
  metadata(path: McpPath, host: string | undefined): Record<string, unknown> {
    return {
      resource: this.resource(path, host),
      authorization_servers: [this.issuer(path)],
      scopes_supported: ["mcp"],
      bearer_methods_supported: ["header"],
      resource_name: `Toolgate: ${path.tenantSlug}/${path.serverSlug}`,
    };
  }

  private issuer(path: McpPath): string {
    return `${this.dashboardUrl}/oauth/${path.tenantSlug}`;
  }

  private base(host: string | undefined): string {
    return this.gatewayUrl ?? `http://${host ?? "localhost"}`;
  }

  private resource(path: McpPath, host: string | undefined): string {
    return `${this.base(host)}/${path.tenantSlug}/${path.serverSlug}/mcp`;
  }

  private metadataUrl(path: McpPath, host: string | undefined): string {
    return `${this.base(host)}/.well-known/oauth-protected-resource/${path.tenantSlug}/${path.serverSlug}/mcp`;
  }
}

const METADATA_PATH = /^\/\.well-known\/oauth-protected-resource(\/.*)$/;

/** The gateway URL path whose protected-resource metadata is asked for, or null. */
export function metadataPathOf(pathname: string): string | null {
  return METADATA_PATH.exec(pathname)?.[1] ?? null;
}
