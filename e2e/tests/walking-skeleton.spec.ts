import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createGrant } from "../support/create-grant";
import { e2eEnv } from "../support/env";
import { connectAgent, resultText } from "../support/mcp-client";
import { signUp } from "../support/sign-up";

const canonicalPolicy = readFileSync(new URL("../fixtures/canonical-policy.json", import.meta.url), "utf8");
const shot = (name: string) => ({ path: `artifacts/walking-skeleton/${name}.png`, fullPage: true });

test("signup → server → policy → grant → agent call through the gateway → call in the logs", async ({
  page,
}) => {
  const email = `owner-${Date.now()}@example.test`;

  await test.step("sign up, which creates a tenant", async () => {
    await signUp(page, { email, organisation: "Skeleton Co" });
    await expect(page.getByText("Skeleton Co").first()).toBeVisible();
    await page.screenshot(shot("01-signed-up"));
  });

  await test.step("register the demo MCP server; its catalogue is listed", async () => {
    await page.getByRole("link", { name: "Servers" }).first().click();
    await page.waitForURL(/\/servers/);
    await page.getByLabel("Server name").fill("Virtualization");
    await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
    await page.getByRole("button", { name: "Add server" }).click();
    await expect(page.getByText("MountIso").first()).toBeVisible();
    await expect(page.getByText("DeleteVm").first()).toBeVisible();
    await page.screenshot(shot("02-catalogue"));
  });

  await test.step("a broken policy is rejected with its JSON path", async () => {
    // The server page offers raw JSON behind a disclosure; the builder is where drafts live.
    await page.getByText("Paste policy JSON").click();
    await page.getByLabel("Policy JSON").fill('{ "version": "1", "default": "deny", "colour": "blue" }');
    await page.getByRole("button", { name: "Validate" }).click();
    await expect(page.getByText("/colour").first()).toBeVisible();
  });

  await test.step("the canonical policy is accepted and published", async () => {
    await page.getByLabel("Policy JSON").fill(canonicalPolicy);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText(/version 1/i).first()).toBeVisible();
    await page.screenshot(shot("03-policy-published"));
  });

  const gatewayUrl = (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
  expect(gatewayUrl).toMatch(/^http:\/\/localhost:\d+\/[a-z0-9-]+\/[a-z0-9-]+\/mcp$/);

  let token = "";
  await test.step("create a grant; the token is shown once", async () => {
    await page.getByRole("link", { name: "Grants" }).first().click();
    await page.waitForURL(/\/grants/);
    token = await createGrant(page, "alice-laptop");
    await page.screenshot(shot("04-grant-created"));
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
  });

  await test.step("an MCP SDK client through the gateway follows the policy", async () => {
    const agent = await connectAgent(gatewayUrl, token);
    try {
      const { tools } = await agent.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["MountIso"]);

      const mounted = await agent.callTool({
        name: "MountIso",
        arguments: { vm_name: "debian-db", iso_path: "/srv/isos/debian-12.8.0-amd64-netinst.iso" },
      });
      expect(mounted.isError ?? false).toBe(false);

      const denied = await agent.callTool({ name: "DeleteVm", arguments: { name: "debian-db" } });
      expect(denied.isError).toBe(true);
      expect(resultText(denied)).toMatch(/^\[POLICY DENIED\]/);
      expect(resultText(denied)).toContain("(default deny)");
    } finally {
      await agent.close();
    }
  });

  await test.step("the logs page lists those calls with grant, tool, decision and rule", async () => {
    await page.getByRole("link", { name: "Logs" }).first().click();
    await page.waitForURL(/\/logs/);
    const deniedRow = page.getByRole("row").filter({ hasText: "DeleteVm" }).first();
    await expect(async () => {
      await page.reload();
      await expect(deniedRow).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(deniedRow).toContainText("alice-laptop");
    await expect(deniedRow).toContainText("deny");
    await expect(deniedRow).toContainText("(default deny)");
    const allowedRow = page.getByRole("row").filter({ hasText: "MountIso" }).first();
    await expect(allowedRow).toContainText("allow");
    await page.screenshot(shot("05-logs"));
  });
});
