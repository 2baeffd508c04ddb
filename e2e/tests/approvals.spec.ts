import { expect, test } from "@playwright/test";
import { createGrant } from "../support/create-grant";
import { e2eEnv } from "../support/env";
import { connectAgent, resultText } from "../support/mcp-client";
import { signUp } from "../support/sign-up";

const shot = (name: string) => ({ path: `artifacts/approvals/${name}.png`, fullPage: true });

const approvalPolicy = JSON.stringify({
  version: "1",
  default: "deny",
  tools: { GetVmState: { action: "require_approval", approval: { timeout: "5m" } } },
});

test("approvals: a held call waits in the inbox until a policy manager approves it, then completes", async ({
  page,
}) => {
  await test.step("sign up and add the demo server", async () => {
    await signUp(page, { email: `approver-${Date.now()}@example.test`, organisation: "Approvals Co" });
    await page.goto("/servers");
    await page.getByLabel("Server name").fill("Virtualization");
    await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
    await page.getByRole("button", { name: "Add server" }).click();
    await expect(page.getByText("GetVmState").first()).toBeVisible();
  });

  await test.step("publish a policy that requires approval for GetVmState", async () => {
    await page.getByText("Paste policy JSON").click();
    await page.getByLabel("Policy JSON").fill(approvalPolicy);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText(/version 1/i).first()).toBeVisible();
  });
  const gatewayUrl = (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
  expect(gatewayUrl).toMatch(/\/mcp$/);

  let token = "";
  await test.step("create a grant", async () => {
    await page.goto("/grants");
    token = await createGrant(page, "ops-agent");
  });

  const agent = await connectAgent(gatewayUrl, token);
  try {
    // The call is held open by the gateway until the decision; nothing reaches the upstream before.
    const held = agent.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } }, undefined, {
      timeout: 80_000,
    });
    let settled = false;
    void held.finally(() => {
      settled = true;
    });

    await test.step("the held call is in the inbox with its exact arguments; approve it", async () => {
      await page.getByRole("link", { name: "Approvals" }).click();
      await page.waitForURL(/\/approvals/);
      const item = page.getByTestId("approval").filter({ hasText: "GetVmState" });
      await expect(item).toBeVisible({ timeout: 20_000 });
      await expect(item).toContainText('"vm_name": "alpine-ci"');
      await expect(item).toContainText("ops-agent");
      await expect(item).toContainText("/tools/GetVmState");
      expect(settled).toBe(false);
      await page.screenshot(shot("01-inbox-pending"));
      await item.getByLabel(/Reason/).fill("checked with the on-call engineer");
      await item.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByText("No calls are waiting for approval.")).toBeVisible();
      await page.screenshot(shot("02-inbox-empty"));
    });

    await test.step("the agent's call completes with the upstream's answer", async () => {
      const result = await held;
      expect(result.isError ?? false).toBe(false);
      expect(resultText(result)).toContain("alpine-ci");
    });
  } finally {
    await agent.close();
  }
});
