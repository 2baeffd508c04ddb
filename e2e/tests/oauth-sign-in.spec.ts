import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, type Page, test } from "@playwright/test";
import { e2eEnv } from "../support/env";
import { MemoryOAuthProvider, startCallbackServer } from "../support/oauth-client";
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
  await page.getByLabel("Policy JSON").fill(canonicalPolicy);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/version 1/i).first()).toBeVisible();
  return (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
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
