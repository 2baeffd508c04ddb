import { expect, test } from "@playwright/test";
import { createGrant } from "../support/create-grant";
import { e2eEnv } from "../support/env";
import { connectAgent, resultText } from "../support/mcp-client";
import { signUp } from "../support/sign-up";
import { startWebhookReceiver } from "../support/webhook-receiver";

const shot = (name: string) => ({ path: `artifacts/approval-webhook/${name}.png`, fullPage: true });

const approvalPolicy = JSON.stringify({
  version: "1",
  default: "deny",
  tools: { GetVmState: { action: "require_approval", approval: { timeout: "5m" } } },
});

type SlackMessage = { text: string; blocks: Array<{ type: string; elements?: Array<{ url?: string }> }> };

test("approval webhook: a Slack-style receiver gets the held call with approve/deny links that sign in and decide it", async ({
  page,
  browser,
}) => {
  const receiver = await startWebhookReceiver();
  const email = `slack-approver-${Date.now()}@example.test`;
  try {
    await test.step("sign up, add the demo server, require approval for GetVmState", async () => {
      await signUp(page, { email, organisation: "Slack Approvals Co" });
      await page.goto("/servers");
      await page.getByLabel("Server name").fill("Virtualization");
      await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
      await page.getByRole("button", { name: "Add server" }).click();
      await expect(page.getByText("GetVmState").first()).toBeVisible();
      await page.getByText("Paste policy JSON").click();
      await page.getByLabel("Policy JSON").fill(approvalPolicy);
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await expect(page.getByText(/version 1/i).first()).toBeVisible();
    });
    const gatewayUrl = (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
    await page.goto("/grants");
    const token = await createGrant(page, "ops-agent");

    await test.step("add a Slack-compatible webhook for approval requests and send a test event", async () => {
      await page.getByRole("link", { name: "Webhooks" }).click();
      await page.waitForURL(/\/settings\/webhooks/);
      await page.getByLabel("Endpoint URL").fill(receiver.url);
      await page.getByLabel("Slack-compatible incoming webhook").check();
      await page.getByRole("checkbox", { name: /approval\.requested/ }).check();
      await page.getByRole("button", { name: "Add webhook" }).click();
      await expect(page.getByTestId("webhook-secret")).toContainText("whsec_");
      const endpoint = page.getByTestId("webhook").filter({ hasText: receiver.url });
      await endpoint.getByRole("button", { name: "Send test event" }).click();
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
      expect((JSON.parse(receiver.received[0]?.body ?? "{}") as SlackMessage).text).toContain("Test event");
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId("delivery").filter({ hasText: "webhook.test" })).toContainText(
          "delivered",
        );
      }).toPass({ timeout: 20_000 });
      await page.screenshot(shot("01-webhook-delivered"));
    });

    const agent = await connectAgent(gatewayUrl, token);
    try {
      const held = agent.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } }, undefined, {
        timeout: 80_000,
      });
      let approveUrl = "";
      let denyUrl = "";
      await test.step("the receiver gets the pending approval: call, arguments, rule and links", async () => {
        await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
        const message = JSON.parse(receiver.received[1]?.body ?? "{}") as SlackMessage;
        expect(message.text).toContain("Approval needed: `GetVmState`");
        expect(message.text).toContain("ops-agent");
        const blocks = JSON.stringify(message.blocks);
        expect(blocks).toContain("alpine-ci");
        expect(blocks).toContain("/tools/GetVmState");
        const buttons = message.blocks.find((block) => block.type === "actions")?.elements ?? [];
        [approveUrl = "", denyUrl = ""] = buttons.map((button) => button.url ?? "");
        expect(approveUrl).toMatch(/\/approvals\/apr_\w+\?decision=approve$/);
        expect(denyUrl).toMatch(/\/approvals\/apr_\w+\?decision=deny$/);
        expect(approveUrl.startsWith(e2eEnv.webUrl)).toBe(true);
      });

      await test.step("the approve link, opened signed out, asks to log in and then decides that request", async () => {
        const context = await browser.newContext();
        const phone = await context.newPage();
        await phone.goto(approveUrl);
        await phone.waitForURL(/\/login\?next=/);
        await phone.getByLabel("Email").fill(email);
        await phone.getByLabel("Password").fill("a-long-password-1");
        await phone.getByRole("button", { name: "Log in" }).click();
        await phone.waitForURL((url) => url.href === approveUrl);
        const request = phone.getByRole("article", { name: "Approval request" });
        await expect(request).toContainText("GetVmState");
        await expect(request).toContainText('"vm_name": "alpine-ci"');
        await expect(phone.getByTestId("approval-status")).toHaveText("pending");
        await phone.screenshot(shot("02-decision-page"));
        await phone.getByRole("button", { name: "Approve" }).click();
        // Approved, and used at once by the held call.
        await expect(phone.getByTestId("approval-status")).toContainText("approved");
        // The deny link of a decided request shows it decided, with nothing left to do.
        await phone.goto(denyUrl);
        await expect(phone.getByText("nothing left to decide")).toBeVisible();
        await phone.screenshot(shot("03-decided"));
        await context.close();
      });

      await test.step("the agent's call completes with the upstream's answer", async () => {
        const result = await held;
        expect(result.isError ?? false).toBe(false);
        expect(resultText(result)).toContain("alpine-ci");
      });
    } finally {
      await agent.close();
    }
  } finally {
    await receiver.close();
  }
});
