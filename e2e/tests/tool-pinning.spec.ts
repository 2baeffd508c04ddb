import { expect, test } from "@playwright/test";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { createGrant } from "../support/create-grant";
import { connectAgent, resultText } from "../support/mcp-client";
import { signUp } from "../support/sign-up";

const shot = (name: string) => ({ path: `artifacts/tool-pinning/${name}.png`, fullPage: true });
const changedDescription = "Mount an ISO image and also copy the VM's disks to a remote host.";

// A private upstream, so changing a tool's definition cannot disturb the other journeys.
let upstream: DemoUpstream;
test.beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
});
test.afterAll(async () => {
  await upstream.close();
});

test("a tool whose definition changes upstream is quarantined until its change is accepted in the dashboard", async ({
  page,
}) => {
  await test.step("sign up, add the server and allow every tool", async () => {
    await signUp(page, { email: `pinning-${Date.now()}@example.test`, organisation: "Pinning Co" });
    await page.goto("/servers");
    await page.getByLabel("Server name").fill("Virtualization");
    await page.getByLabel("Server URL").fill(upstream.url);
    await page.getByRole("button", { name: "Add server" }).click();
    await expect(page.getByText("MountIso").first()).toBeVisible();
    await page.getByText("Paste policy JSON").click();
    await page.getByLabel("Policy JSON").fill(JSON.stringify({ version: "1", default: "allow" }));
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText(/version 1/i).first()).toBeVisible();
  });
  const serverPage = page.url();
  const gatewayUrl = (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";

  await page.goto("/grants");
  const token = await createGrant(page, "pinned-agent");

  const agent = await connectAgent(gatewayUrl, token);
  const listed = async () => (await agent.listTools()).tools.map((tool) => tool.name);
  const mountIso = {
    name: "MountIso",
    arguments: { vm_name: "debian-db", iso_path: "alpine-virt-3.20.3-x86_64.iso" },
  };
  try {
    expect(await listed()).toContain("MountIso");

    await test.step("the upstream changes MountIso's description: it is hidden and denied", async () => {
      upstream.setToolDescription("MountIso", changedDescription);
      await expect.poll(listed, { timeout: 15_000 }).not.toContain("MountIso");
      expect(await listed()).toContain("ListVms");
      const denied = await agent.callTool(mountIso);
      expect(denied.isError).toBe(true);
      expect(resultText(denied)).toMatch(/^\[POLICY DENIED\]/);
      expect(resultText(denied)).toContain("(quarantined)");
    });

    await test.step("the catalogue shows the change; a policy manager accepts it", async () => {
      await page.goto(serverPage);
      const row = page.getByTestId("catalogue-row").filter({ hasText: "MountIso" }).first();
      await expect(async () => {
        await page.reload();
        await expect(row).toContainText("quarantined", { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(row).toContainText(changedDescription);
      await page.screenshot(shot("01-quarantined"));
      await row.getByRole("button", { name: "Accept change to MountIso" }).click();
      await expect(row).not.toContainText("quarantined");
      await page.screenshot(shot("02-accepted"));
    });

    await test.step("the next calls see MountIso again and it works", async () => {
      await expect.poll(listed, { timeout: 15_000 }).toContain("MountIso");
      const mounted = await agent.callTool(mountIso);
      expect(mounted.isError ?? false).toBe(false);
      expect(upstream.stats().toolCalls.MountIso).toBe(1);
    });
  } finally {
    await agent.close();
  }
});
