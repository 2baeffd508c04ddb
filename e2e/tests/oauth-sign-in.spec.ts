import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, type Page, test } from "@playwright/test";
import { e2eEnv } from "../support/env";
import { connectAgent } from "../support/mcp-client";
import {
  MemoryOAuthProvider,
  pkcePair,
  startCallbackServer,
  startMetadataDocumentServer,
} from "../support/oauth-client";
import { signUp } from "../support/sign-up";

const canonicalPolicy = readFileSync(new URL("../fixtures/canonical-policy.json", import.meta.url), "utf8");
const shot = (name: string) => ({ path: `artifacts/oauth-sign-in/${name}.png`, fullPage: true });

async function addServerWithPolicy(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Servers" }).first().click();
  await page.waitForURL(/\/servers/);
  await page.getByLabel("Server name").fill(name);
  await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
  await page.getByRole("button", { name: "Add server" }).click();
  await expect(page.getByText("MountIso").first()).toBeVisible();
  await page.getByText("Paste policy JSON").click();
  await page.getByLabel("Policy JSON").fill(canonicalPolicy);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(/version 1/i).first()).toBeVisible();
  return (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
}

/** Opens the authorization URL in the signed-in browser, approves with a label, and returns the redirect's parameters. */
async function consent(
  page: Page,
  authorizationUrl: string,
  callback: { next(): Promise<URLSearchParams> },
  label: string,
): Promise<URLSearchParams> {
  const redirected = callback.next();
  await page.goto(authorizationUrl);
  await page.getByLabel("Grant label").fill(label);
  await page.getByRole("button", { name: "Allow" }).click();
  return redirected;
}

async function upstreamCalls(tool: string): Promise<number> {
  const stats = (await (await fetch(e2eEnv.demoUpstreamUrl.replace(/\/mcp$/, "/stats"))).json()) as {
    toolCalls: Record<string, number>;
  };
  return stats.toolCalls[tool] ?? 0;
}

test("an MCP client signs in with the gateway URL alone: discovery, registration, consent, tokens, policy, logs, revocation", async ({
  page,
  request,
}) => {
  await signUp(page, { email: `oauth-${Date.now()}@example.test`, organisation: "OAuth Co" });
  const gatewayUrl = await addServerWithPolicy(page, "Virtualization");
  expect(gatewayUrl).toMatch(/\/mcp$/);

  await test.step("without a token the gateway answers 401 naming its protected-resource metadata", async () => {
    const response = await request.post(gatewayUrl, { data: { jsonrpc: "2.0", id: 1, method: "ping" } });
    expect(response.status()).toBe(401);
    const challenge = response.headers()["www-authenticate"] ?? "";
    expect(challenge).toContain('Bearer resource_metadata="');
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1] ?? "";
    const metadata = await (await request.get(metadataUrl)).json();
    expect(metadata.resource).toBe(gatewayUrl);
    expect(metadata.authorization_servers[0]).toMatch(/\/oauth\/[a-z0-9-]+$/);
  });

  const callback = await startCallbackServer();
  const provider = new MemoryOAuthProvider(callback.url);
  try {
    await test.step("the SDK discovers the authorization server and registers (DCR); consent creates a grant", async () => {
      const first = new Client({ name: "oauth-agent", version: "1.0.0" });
      await expect(
        first.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider })),
      ).rejects.toThrow(/Unauthorized/i);
      expect(provider.client?.client_id).toBeTruthy();
      const authorizationUrl = provider.authorizationUrl?.href ?? "";
      expect(authorizationUrl).toContain("code_challenge_method=S256");
      expect(authorizationUrl).toContain(`resource=${encodeURIComponent(gatewayUrl)}`);

      const redirected = callback.next();
      await page.goto(authorizationUrl);
      await expect(page.getByTestId("consent-client")).toHaveText("E2E Agent");
      await expect(page.getByTestId("consent-unverified")).toBeVisible();
      await expect(page.getByTestId("consent-policy")).toContainText("MountIso");
      await page.screenshot(shot("01-consent"));
      await page.getByLabel("Grant label").fill("oauth-laptop");
      await page.getByRole("button", { name: "Allow" }).click();
      const params = await redirected;
      expect(params.get("iss")).toMatch(/\/oauth\/[a-z0-9-]+$/);
      const code = params.get("code") ?? "";
      expect(code).not.toBe("");

      const transport = new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider });
      await transport.finishAuth(code);
      expect(provider.saved?.access_token).toBeTruthy();
      expect(provider.saved?.refresh_token).toBeTruthy();
    });

    await test.step("the tokens are that grant: tools/list follows the policy, the call is logged under it", async () => {
      const agent = new Client({ name: "oauth-agent", version: "1.0.0" });
      await agent.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider }));
      const names = (await agent.listTools()).tools.map((tool) => tool.name);
      expect(names).toContain("MountIso");
      expect(names).not.toContain("DeleteVm");
      await agent.callTool({ name: "MountIso", arguments: { vm_id: "vm-1", iso_path: "/isos/debian.iso" } });
      await agent.close();

      await page.goto("/logs");
      const row = page.getByRole("row").filter({ hasText: "MountIso" }).first();
      await expect(async () => {
        await page.reload();
        await expect(row).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(row).toContainText("oauth-laptop");
    });

    await test.step("revoking the grant makes the next call 401", async () => {
      await page.goto("/grants");
      const grantRow = page.getByRole("row").filter({ hasText: "oauth-laptop" }).first();
      await expect(grantRow).toContainText("E2E Agent");
      await page.screenshot(shot("02-grants"));
      await grantRow.getByRole("button", { name: "Revoke" }).click();
      await grantRow.getByRole("button", { name: "Confirm revoke" }).click();
      await expect(page.getByRole("row").filter({ hasText: "oauth-laptop" }).first()).toContainText(
        "revoked",
      );
      await expect(async () => {
        const response = await request.post(gatewayUrl, {
          headers: { authorization: `Bearer ${provider.saved?.access_token ?? ""}` },
          data: { jsonrpc: "2.0", id: 1, method: "ping" },
        });
        expect(response.status()).toBe(401);
      }).toPass({ timeout: 10_000 });
    });
  } finally {
    await callback.close();
  }
});

test("OAuth safety: exact redirect URIs, PKCE, single-use codes, refresh rotation, audience per server", async ({
  page,
  request,
}) => {
  await signUp(page, { email: `oauth-neg-${Date.now()}@example.test`, organisation: "OAuth Safety Co" });
  const gatewayUrl = await addServerWithPolicy(page, "Virtualization");
  const otherGatewayUrl = await addServerWithPolicy(page, "Second");
  const challenge = (await request.post(gatewayUrl, { data: {} })).headers()["www-authenticate"] ?? "";
  const resourceMetadata = await (
    await request.get(/resource_metadata="([^"]+)"/.exec(challenge)?.[1] ?? "")
  ).json();
  const issuer = String(resourceMetadata.authorization_servers[0]);
  const issuerPath = new URL(issuer).pathname;
  const as = await (
    await request.get(new URL(`/.well-known/oauth-authorization-server${issuerPath}`, issuer).href)
  ).json();
  expect(as.issuer).toBe(issuer);
  expect(as.code_challenge_methods_supported).toEqual(["S256"]);
  expect(as.authorization_response_iss_parameter_supported).toBe(true);

  const callback = await startCallbackServer();
  try {
    const registration = await request.post(as.registration_endpoint, {
      data: {
        client_name: "Safety Agent",
        redirect_uris: [callback.url],
        token_endpoint_auth_method: "none",
      },
    });
    expect(registration.status()).toBe(201);
    const clientId = String((await registration.json()).client_id);
    const pkce = pkcePair();
    const authorize = (params: Record<string, string>) =>
      `${as.authorization_endpoint}?${new URLSearchParams({
        response_type: "code",
        client_id: clientId,
        redirect_uri: callback.url,
        scope: "mcp",
        resource: gatewayUrl,
        state: "s-1",
        code_challenge: pkce.challenge,
        code_challenge_method: "S256",
        ...params,
      })}`;
    const token = (form: Record<string, string>) =>
      request.post(as.token_endpoint, { form: { client_id: clientId, ...form } });

    await test.step("a redirect URI that was not registered is refused, and nothing is sent to it", async () => {
      await page.goto(authorize({ redirect_uri: `${callback.url}/other` }));
      await expect(page.getByRole("heading", { name: "Sign-in failed" })).toBeVisible();
      await expect(page.getByText(/redirect_uri/)).toBeVisible();
    });

    await test.step("an authorization request without PKCE, or with plain PKCE, is refused", async () => {
      const withoutPkce = callback.next();
      await page.goto(authorize({ code_challenge: "", code_challenge_method: "" }));
      expect((await withoutPkce).get("error")).toBe("invalid_request");
      const plain = callback.next();
      await page.goto(authorize({ code_challenge: pkce.verifier, code_challenge_method: "plain" }));
      expect((await plain).get("error")).toBe("invalid_request");
    });

    await test.step("a declined request returns access_denied, creates no grant and is in the audit log", async () => {
      const declined = callback.next();
      await page.goto(authorize({ state: "s-0" }));
      await page.getByRole("button", { name: "Deny" }).click();
      const answer = await declined;
      expect(answer.get("error")).toBe("access_denied");
      expect(answer.get("state")).toBe("s-0");
      expect(answer.get("code")).toBeNull();
      await page.goto("/audit");
      await expect(page.getByRole("row").filter({ hasText: "OAuth sign-in declined" }).first()).toBeVisible();
    });

    const params = await consent(page, authorize({}), callback, "safety-agent");
    expect(params.get("state")).toBe("s-1");
    expect(params.get("iss")).toBe(issuer);
    const code = params.get("code") ?? "";

    await test.step("the code needs its PKCE verifier and its exact redirect URI", async () => {
      const missing = await token({ grant_type: "authorization_code", code, redirect_uri: callback.url });
      expect((await missing.json()).error).toBe("invalid_grant");
      const wrong = await token({
        grant_type: "authorization_code",
        code,
        redirect_uri: callback.url,
        code_verifier: pkcePair().verifier,
      });
      expect((await wrong.json()).error).toBe("invalid_grant");
      const otherRedirect = await token({
        grant_type: "authorization_code",
        code,
        redirect_uri: `${callback.url}/other`,
        code_verifier: pkce.verifier,
      });
      expect((await otherRedirect.json()).error).toBe("invalid_grant");
    });

    const exchange = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: callback.url,
      code_verifier: pkce.verifier,
      resource: gatewayUrl,
    });
    expect(exchange.status()).toBe(200);
    const tokens = await exchange.json();
    const mcpCall = (url: string, accessToken: string) =>
      request.post(url, {
        headers: { authorization: `Bearer ${accessToken}`, accept: "application/json, text/event-stream" },
        data: {
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: "MountIso", arguments: { vm_id: "vm-1", iso_path: "/isos/debian.iso" } },
        },
      });

    await test.step("a token for one server is refused at another server's URL; the upstream never sees the call", async () => {
      const before = await upstreamCalls("MountIso");
      const response = await mcpCall(otherGatewayUrl, tokens.access_token);
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toContain('error="invalid_token"');
      expect(await upstreamCalls("MountIso")).toBe(before);
    });

    let refreshed: { access_token: string; refresh_token: string } = tokens;
    await test.step("refresh tokens rotate", async () => {
      const response = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
      expect(response.status()).toBe(200);
      refreshed = await response.json();
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      const agent = await connectAgent(gatewayUrl, refreshed.access_token);
      await agent.callTool({ name: "MountIso", arguments: { vm_id: "vm-2", iso_path: "/isos/debian.iso" } });
      await agent.close();
    });

    await test.step("a code used twice is refused and revokes the grant: its tokens stop working at once", async () => {
      const replay = await token({
        grant_type: "authorization_code",
        code,
        redirect_uri: callback.url,
        code_verifier: pkce.verifier,
      });
      expect((await replay.json()).error).toBe("invalid_grant");
      const before = await upstreamCalls("MountIso");
      await expect(async () => {
        expect((await mcpCall(gatewayUrl, refreshed.access_token)).status()).toBe(401);
      }).toPass({ timeout: 10_000 });
      expect(await upstreamCalls("MountIso")).toBe(before);
      const refresh = await token({ grant_type: "refresh_token", refresh_token: refreshed.refresh_token });
      expect((await refresh.json()).error).toBe("invalid_grant");
      await page.goto("/grants");
      await expect(page.getByRole("row").filter({ hasText: "safety-agent" }).first()).toContainText(
        "revoked",
      );
    });
  } finally {
    await callback.close();
  }
});

test("a client identified by a Client ID Metadata Document signs in without registering", async ({
  page,
}) => {
  await signUp(page, { email: `oauth-cimd-${Date.now()}@example.test`, organisation: "OAuth CIMD Co" });
  const gatewayUrl = await addServerWithPolicy(page, "Virtualization");
  const callback = await startCallbackServer();
  const documentServer = await startMetadataDocumentServer((clientId) => ({
    client_id: clientId,
    client_name: "CIMD Agent",
    redirect_uris: [callback.url],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  }));
  try {
    const provider = new MemoryOAuthProvider(callback.url, documentServer.clientId);
    const first = new Client({ name: "cimd-agent", version: "1.0.0" });
    await expect(
      first.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider })),
    ).rejects.toThrow(/Unauthorized/i);
    expect(provider.client?.client_id).toBe(documentServer.clientId);
    const redirected = callback.next();
    await page.goto(provider.authorizationUrl?.href ?? "");
    await expect(page.getByTestId("consent-client")).toHaveText("CIMD Agent");
    await expect(page.getByTestId("consent-unverified")).toHaveCount(0);
    await expect(page.getByText("Client identified by 127.0.0.1")).toBeVisible();
    await page.screenshot(shot("03-consent-cimd"));
    await page.getByRole("button", { name: "Allow" }).click();
    const code = (await redirected).get("code") ?? "";
    await new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider }).finishAuth(code);
    const agent = new Client({ name: "cimd-agent", version: "1.0.0" });
    await agent.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl), { authProvider: provider }));
    expect((await agent.listTools()).tools.map((tool) => tool.name)).toContain("MountIso");
    await agent.close();
  } finally {
    await documentServer.close();
    await callback.close();
  }
});
