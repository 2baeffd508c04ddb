import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";

/** A loopback redirect URI that hands over the code (and iss) the authorization server sends back. */
export async function startCallbackServer(): Promise<{
  url: string;
  next(): Promise<URLSearchParams>;
  close(): Promise<void>;
}> {
  const waiting: ((params: URLSearchParams) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://callback");
    // Only the redirect counts: the browser also asks this origin for /favicon.ico.
    if (url.pathname !== "/callback") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html" }).end("<h1>Signed in; you can close this tab.</h1>");
    waiting.shift()?.(url.searchParams);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    next: () => new Promise((done) => waiting.push(done)),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The SDK's OAuth client provider, kept in memory like a desktop client would keep it on disk. */
export class MemoryOAuthProvider implements OAuthClientProvider {
  client: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens | undefined;
  verifier = "";
  authorizationUrl: URL | undefined;

  constructor(
    private readonly redirectUri: string,
    readonly clientMetadataUrl?: string,
  ) {}

  get redirectUrl(): string {
    return this.redirectUri;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "E2E Agent",
      redirect_uris: [this.redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client;
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.client = info;
  }

  tokens(): OAuthTokens | undefined {
    return this.saved;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
  }

  redirectToAuthorization(url: URL): void {
    this.authorizationUrl = url;
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    return this.verifier;
  }
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/**
 * An HTTPS server on loopback with a throwaway self-signed certificate, serving one client's
 * Client ID Metadata Document at its own URL (the URL is the client_id).
 */
export async function startMetadataDocumentServer(
  metadata: (clientId: string) => Record<string, unknown>,
): Promise<{ clientId: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "toolgate-cimd-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  let clientId = "";
  const server = createHttpsServer(
    { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
    (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(metadata(clientId)));
    },
  );
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  clientId = `https://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/client.json`;
  return {
    clientId,
    close: () =>
      new Promise((done) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          done();
        }),
      ),
  };
}
