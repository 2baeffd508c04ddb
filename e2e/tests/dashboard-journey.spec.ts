import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { e2eEnv } from "../support/env";
import { signUp } from "../support/sign-up";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/dashboard/${name}.png`, fullPage: true });

type CursorConfig = { mcpServers: Record<string, { url: string; headers: { Authorization: string } }> };

/** An MCP SDK client configured exactly as the Cursor snippet says. */
async function connectFromCursorConfig(config: CursorConfig): Promise<Client> {
  const [entry] = Object.values(config.mcpServers);
  if (entry === undefined) throw new Error("the snippet has no server");
  const client = new Client({ name: "cursor-like-agent", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(entry.url), { requestInit: { headers: entry.headers } }),
  );
  return client;
}

async function joinAsViewer(browser: Browser, inviteLink: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(inviteLink);
  await expect(page.getByRole("heading", { name: /^Join Dashboard Co/ })).toBeVisible();
  await expect(page.getByText("You are invited as a viewer.")).toBeVisible();
  await page.getByLabel("Email").fill(`viewer-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("viewer-password-1");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await page.waitForURL(/\/servers/);
  return { context, page };
}

test("dashboard: accounts and roles, servers and catalogue, grants, live logs, revoke, audit", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  await test.step("sign up: a new organisation with its admin", async () => {
    await signUp(page, { email: `admin-${stamp}@example.test`, organisation: `Dashboard Co ${stamp}` });
  });

  await test.step("add the demo server; its catalogue shows risk classes and policy states", async () => {
    await page.goto("/servers");
    await page.getByLabel("Server name").fill("Virtualization");
    await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
    await page.getByRole("button", { name: "Add server" }).click();
    await page.waitForURL(/\/servers\/srv_/);
    const deleteVm = page.getByTestId("catalogue-row").filter({ hasText: "DeleteVm" }).first();
    await expect(deleteVm).toContainText("Destructive");
    await expect(page.getByTestId("catalogue-row").filter({ hasText: "ListVms" }).first()).toContainText(
      "Read",
    );
    await expect(deleteVm).toContainText("no policy");
    await expect(page.getByTestId("policy-status")).toContainText("No policy published.");
    // Publish the recommended starting policy (Read allowed, Destructive hidden…) from the builder,
    // which marks it as an unpublished draft until then.
    await page.getByRole("link", { name: "Open the policy builder" }).first().click();
    await expect(page.getByTestId("draft-banner")).toContainText("Draft — not published.");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("Published version 1.")).toBeVisible();
    await expect(page.getByTestId("draft-banner")).toContainText("Version 1 is in force.");
    await page.goBack();
    await page.reload();
    await expect(deleteVm).toContainText("hidden");
    await expect(page.getByTestId("catalogue-row").filter({ hasText: "ListVms" }).first()).toContainText(
      "allowed",
    );
    await page.getByLabel("Search tools").fill("Iso");
    await expect(page.getByTestId("catalogue-row").filter({ hasText: "DeleteVm" })).toHaveCount(0);
    await page.getByLabel("Search tools").fill("");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Connected over Streamable HTTP" }),
    ).toBeVisible();
    await shot(page, "02-server-catalogue");
  });

  let inviteLink = "";
  await test.step("invite a viewer by link", async () => {
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Create invite link" }).click();
    inviteLink = (await page.getByTestId("invite-link").textContent())?.trim() ?? "";
    expect(inviteLink).toMatch(/\/invite\/tg_inv_/);
    await shot(page, "03-members-invite");
  });

  await test.step("the viewer joins and can read but not edit", async () => {
    const { context, page: viewer } = await joinAsViewer(
      browser,
      inviteLink.replace(/^https?:\/\/[^/]+/, e2eEnv.webUrl),
    );
    try {
      await expect(viewer.getByText("viewer", { exact: false }).first()).toBeVisible();
      await expect(viewer.getByRole("button", { name: "Add server" })).toHaveCount(0);
      await viewer.getByRole("link", { name: "Virtualization" }).click();
      await expect(viewer.getByText("DeleteVm").first()).toBeVisible();
      await expect(viewer.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
      await expect(viewer.getByRole("button", { name: "Delete server" })).toHaveCount(0);
      await expect(viewer.getByText("Your role can read this policy but not change it.")).toBeVisible();
      await viewer.goto("/grants");
      await expect(viewer.getByRole("button", { name: "Create grant" })).toHaveCount(0);
      await viewer.goto("/audit");
      await expect(viewer.getByText("This page could not be loaded")).toBeVisible();
      await shot(viewer, "04-viewer-read-only");
    } finally {
      await context.close();
    }
  });

  let cursorConfig: CursorConfig = { mcpServers: {} };
  let actionRequest: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await test.step("create a grant; copy the Cursor snippet with the token filled in", async () => {
    await page.goto("/grants");
    page.on("request", (request) => {
      if (
        request.method() === "POST" &&
        request.headers()["next-action"] !== undefined &&
        actionRequest === null
      ) {
        actionRequest = {
          url: request.url(),
          headers: request.headers(),
          body: request.postDataBuffer() ?? Buffer.alloc(0),
        };
      }
    });
    await page.getByLabel("Grant label").fill("cursor-agent");
    await page.getByLabel("Server", { exact: true }).selectOption({ label: "Virtualization" });
    await page.getByRole("button", { name: "Create grant" }).click();
    const token = (await page.getByTestId("grant-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^tg_grt_/);
    await page.getByRole("tab", { name: "Cursor" }).click();
    cursorConfig = JSON.parse(
      (await page.getByTestId("config-snippet").textContent()) ?? "{}",
    ) as CursorConfig;
    const [entry] = Object.values(cursorConfig.mcpServers);
    expect(entry?.headers.Authorization).toBe(`Bearer ${token}`);
    // The snippet offers the tenant URL first: one endpoint for every server the grant may use.
    const tenantUrl = (await page.getByTestId("tenant-url").textContent())?.trim() ?? "";
    expect(entry?.url).toBe(tenantUrl);
    expect(new URL(tenantUrl).pathname).toMatch(/^\/[^/]+\/mcp$/);
    await page.getByRole("tab", { name: "VS Code" }).click();
    await expect(page.getByTestId("config-snippet")).toContainText('"type": "http"');
    await shot(page, "05-grant-created");
  });

  await test.step("server actions refuse a request from another origin", async () => {
    const captured = actionRequest;
    if (captured === null) throw new Error("no server action request was seen");
    const count = async () => page.getByRole("row").filter({ hasText: "cursor-agent" }).count();
    await page.reload();
    const before = await count();
    const forged = await page.request.fetch(captured.url, {
      method: "POST",
      headers: { ...captured.headers, origin: "https://evil.example" },
      data: captured.body,
      failOnStatusCode: false,
    });
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    await page.reload();
    expect(await count()).toBe(before);
  });

  await test.step("the agent's call appears in the live tail without reloading", async () => {
    await page.goto("/logs");
    await expect(page.getByText("new calls appear on top every 2 s")).toBeVisible();
    const agent = await connectFromCursorConfig(cursorConfig);
    try {
      const { tools } = await agent.listTools();
      // Through the tenant URL the server's tools carry its slug; its policy still filters them.
      expect(tools.map((tool) => tool.name)).toContain("virtualization__ListVms");
      expect(tools.map((tool) => tool.name)).not.toContain("virtualization__DeleteVm");
      const listed = await agent.callTool({ name: "virtualization__ListVms", arguments: {} });
      expect(listed.isError ?? false).toBe(false);
    } finally {
      await agent.close();
    }
    const row = page.getByTestId("live-rows").getByRole("row").filter({ hasText: "ListVms" }).first();
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect(row).toContainText("cursor-agent");
    await expect(row).toContainText("allow");
    await shot(page, "06-logs-live-tail");
    await row.getByRole("link").first().click();
    await expect(page.getByTestId("log-entry")).toContainText("Argument keys");
    await expect(page.getByTestId("log-entry")).toContainText("cursor-agent");
    await shot(page, "07-log-detail");
  });

  await test.step("revoke the grant: the next call is refused", async () => {
    await page.goto("/grants");
    const grantRow = page.getByRole("row").filter({ hasText: "cursor-agent" }).first();
    await grantRow.getByRole("button", { name: "Revoke" }).click();
    await grantRow.getByRole("button", { name: "Confirm revoke" }).click();
    await expect(page.getByRole("row").filter({ hasText: "cursor-agent" }).first()).toContainText("revoked");
    await expect(async () => {
      const refused = await connectFromCursorConfig(cursorConfig).then(
        async (client) => {
          await client.close();
          return false;
        },
        () => true,
      );
      expect(refused).toBe(true);
    }).toPass({ timeout: 10_000 });
  });

  await test.step("overview charts and the admin audit log", async () => {
    await page.goto("/overview");
    await expect(page.getByTestId("overview-chart").locator("svg").first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Top tools" })).toContainText("ListVms");
    await shot(page, "01-overview");
    await page.getByRole("link", { name: "Audit" }).click();
    for (const action of [
      "Server added",
      "Policy published",
      "Member invited",
      "Member joined",
      "Grant created",
      "Grant revoked",
    ]) {
      await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
    }
    await shot(page, "08-audit");
  });
});
