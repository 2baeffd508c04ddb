import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { createGrant } from "../support/create-grant";
import { e2eEnv } from "../support/env";
import { connectAgent, resultText } from "../support/mcp-client";
import { signUp } from "../support/sign-up";

const canonicalPolicy: unknown = JSON.parse(
  readFileSync(new URL("../fixtures/canonical-policy.json", import.meta.url), "utf8"),
);
const shot = (name: string) => ({ path: `artifacts/policy-builder/${name}.png`, fullPage: true });

/** The JSON pane's document, read from CodeMirror's lines (joined without newlines, still the same JSON). */
async function jsonPane(page: Page): Promise<unknown> {
  const text = (await page.getByRole("textbox", { name: "Policy JSON" }).textContent()) ?? "";
  return JSON.parse(text);
}

/** A real pointer drag: press on the handle, move in steps (dnd-kit needs movement), release over the lane. */
async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (from === null || to === null) throw new Error("drag source or target is not visible");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
  await page.mouse.up();
}

// Tall enough that the lanes (each scrolls on its own) fit the window while dragging.
test.use({ viewport: { width: 1440, height: 1600 } });

test("policy builder: drag MountIso to Rate-limit, JSON equals the canonical policy, publish, the gateway follows it", async ({
  page,
}) => {
  const email = `builder-${Date.now()}@example.test`;

  await test.step("sign up and register the demo server", async () => {
    await signUp(page, { email, organisation: "Builder Co" });
    await expect(page.getByText("Builder Co").first()).toBeVisible();
    await page.getByRole("link", { name: "Servers" }).first().click();
    await page.waitForURL(/\/servers/);
    await page.getByLabel("Server name").fill("Virtualization");
    await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
    await page.getByRole("button", { name: "Add server" }).click();
    await expect(page.getByText("MountIso").first()).toBeVisible();
  });

  const gatewayUrl = (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
  expect(gatewayUrl).toMatch(/\/mcp$/);

  await test.step("open the builder: it starts from the recommended rules", async () => {
    await page
      .getByRole("link", { name: /builder/i })
      .first()
      .click();
    await page.waitForURL(/\/servers\/[^/]+\/policy$/);
    await expect(page.getByRole("heading", { name: /Policy builder/ })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Policy JSON" })).toContainText('"version"');
    await page.screenshot(shot("01-recommended"));
  });

  await test.step("start from an empty policy: default deny, no rules", async () => {
    await page.getByRole("button", { name: "Clear all rules" }).click();
    await page.getByRole("button", { name: "Confirm clear" }).click();
    await page.getByLabel("Default deny").check();
    await expect.poll(() => jsonPane(page)).toEqual({ version: "1", default: "deny" });
    await expect(
      page.getByRole("region", { name: "Deny lane" }).locator(`[data-card="MountIso"]`),
    ).toBeVisible();
  });

  await test.step("drag MountIso to Rate-limit and set 30 per minute per grant", async () => {
    const rateLane = page.getByRole("region", { name: "Rate-limit lane" });
    await drag(page, page.getByRole("button", { name: "Drag MountIso" }), rateLane);
    await expect(rateLane.locator(`[data-card="MountIso"]`)).toBeVisible();
    await page.getByRole("button", { name: "Edit MountIso" }).click();
    const editor = page.getByRole("region", { name: "Edit MountIso" });
    await editor.getByLabel("Counter 1").fill("mountiso_rate");
    await editor.getByLabel("Max 1").fill("30");
    await editor.getByLabel("Window 1").selectOption("minute");
    await editor.getByLabel("Scope 1").selectOption("grant");
    await expect.poll(() => jsonPane(page)).toEqual(canonicalPolicy);
    await page.screenshot(shot("02-canonical-built"));
  });

  await test.step("invalid JSON shows its error and keeps the lanes", async () => {
    const pane = page.getByRole("textbox", { name: "Policy JSON" });
    await pane.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(",");
    await expect(page.getByRole("alert", { name: "Policy problems" })).toContainText("Invalid JSON");
    await expect(
      page.getByRole("region", { name: "Rate-limit lane" }).locator(`[data-card="MountIso"]`),
    ).toBeVisible();
    await page.keyboard.press("Backspace");
    await expect.poll(() => jsonPane(page)).toEqual(canonicalPolicy);
  });

  await test.step("an approval rule can name who approves: the agent's user, in their client", async () => {
    await page.getByLabel("Lane for GetVmState").selectOption("require_approval");
    await page.getByRole("button", { name: "Edit GetVmState" }).click();
    const editor = page.getByRole("region", { name: "Edit GetVmState" });
    await editor.getByLabel("Who approves").selectOption("user");
    await expect
      .poll(async () => ((await jsonPane(page)) as { tools: Record<string, unknown> }).tools.GetVmState)
      .toEqual({ action: "require_approval", approval: { by: "user" } });
    await expect(page.locator(`[data-card="GetVmState"]`)).toContainText("approved by the agent's user");
    await editor.getByLabel("Who approves").selectOption("team");
    await expect
      .poll(async () => ((await jsonPane(page)) as { tools: Record<string, unknown> }).tools.GetVmState)
      .toEqual({ action: "require_approval" });
    // Back to the canonical policy, edited from the JSON side.
    await page.getByRole("textbox", { name: "Policy JSON" }).fill(JSON.stringify(canonicalPolicy, null, 2));
    await expect.poll(() => jsonPane(page)).toEqual(canonicalPolicy);
  });

  await test.step("simulate a call: the decision and the rule that fired", async () => {
    await page.getByLabel("Tool to simulate").fill("MountIso");
    await page.getByRole("button", { name: "Simulate" }).click();
    const result = page.getByRole("status", { name: "Simulation result" });
    await expect(result).toContainText("Allowed if within limits");
    await expect(page.getByTestId("simulated-rule")).toHaveText("/tools/MountIso");
    await expect(page.locator('[data-card="MountIso"]')).toHaveAttribute("data-highlighted", "true");
    await page.screenshot(shot("03-simulated"));
  });

  await test.step("publish version 1 with a message", async () => {
    await page.getByLabel("Version message").fill("MountIso only, 30 per minute");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("Published version 1.")).toBeVisible();
    await expect(page.getByTestId("policy-version")).toContainText("Current version: 1");
    await expect(page.getByText("MountIso only, 30 per minute")).toBeVisible();
    await page.screenshot(shot("04-published"));
  });

  let token = "";
  await test.step("create a grant", async () => {
    await page.getByRole("link", { name: "Grants" }).first().click();
    await page.waitForURL(/\/grants/);
    token = await createGrant(page, "builder-agent");
  });

  await test.step("a real MCP client through the gateway follows the published policy", async () => {
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
      expect(resultText({ content: denied.content })).toMatch(/^\[POLICY DENIED\]/);
    } finally {
      await agent.close();
    }
  });

  await test.step("replay a draft against the recorded calls, then publish it and roll back", async () => {
    await page.goBack();
    await page.waitForURL(/\/policy$/);
    // The keyboard path: every card has a lane menu.
    await page.getByLabel("Lane for DeleteVm").selectOption("allow");
    await expect(
      page.getByRole("region", { name: "Allow lane" }).locator(`[data-card="DeleteVm"]`),
    ).toBeVisible();
    await page.getByLabel("Replay window").selectOption("1");
    const replay = page.getByRole("status", { name: "Replay result" });
    // Call logs are written in the background; replay until the agent's DeleteVm call is there.
    await expect(async () => {
      await page.getByRole("button", { name: "Replay draft" }).click();
      await expect(replay.getByRole("row").filter({ hasText: "DeleteVm" })).toContainText(
        "denied → allowed",
        {
          timeout: 1_000,
        },
      );
    }).toPass({ timeout: 30_000 });
    await page.screenshot(shot("05-replay"));

    await page.getByLabel("Version message").fill("Let DeleteVm through");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("policy-version")).toContainText("Current version: 2");
    await page.getByRole("button", { name: "Changes in version 2" }).click();
    await expect(page.getByText("/tools/DeleteVm").first()).toBeVisible();
    await page.screenshot(shot("06-history-diff"));

    await page.getByRole("button", { name: "Roll back to version 1" }).click();
    await page.getByRole("button", { name: "Confirm rollback to version 1" }).click();
    await expect(page.getByTestId("policy-version")).toContainText("Current version: 3");
    await expect.poll(() => jsonPane(page)).toEqual(canonicalPolicy);
  });

  await test.step("resources and prompts have lanes too: allow one resource and one prompt, publish", async () => {
    const resourceDeny = page.getByRole("region", { name: "Deny (resources)" });
    const resourceAllow = page.getByRole("region", { name: "Allow (resources)" });
    // Under default deny, every catalogued resource, template and prompt starts in Deny.
    await expect(resourceDeny.locator('[data-card="vbox://host/info"]')).toBeVisible();
    await expect(resourceDeny.locator('[data-card="vbox://vms/*/config"]')).toContainText(
      "vbox://vms/{name}/config",
    );
    // Cards of every board move by drag (MountIso above) or by their lane menu, used here: a drag this far
    // down the page races dnd-kit's auto-scroll on a loaded machine.
    await page.getByLabel("Lane for resource vbox://host/info").selectOption("allow");
    await expect(resourceAllow.locator('[data-card="vbox://host/info"]')).toBeVisible();
    await page.getByLabel("Lane for prompt triage-vm").selectOption("allow");
    await page.getByLabel("Lane for prompt wipe-host").selectOption("hide");
    await expect(
      page.getByRole("region", { name: "Allow (prompts)" }).locator('[data-card="triage-vm"]'),
    ).toBeVisible();
    await expect
      .poll(() => jsonPane(page))
      .toEqual({
        ...(canonicalPolicy as object),
        hide: ["prompt:wipe-host"],
        resources: { "vbox://host/info": {} },
        prompts: { "triage-vm": {} },
      });
    await page.screenshot(shot("07-resources-prompts"));
    await page.getByLabel("Version message").fill("Host info and the triage prompt");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("policy-version")).toContainText("Current version: 4");
  });

  await test.step("the gateway lists and serves only the allowed resource and prompt", async () => {
    const agent = await connectAgent(gatewayUrl, token);
    try {
      const { resources } = await agent.listResources();
      expect(resources.map((resource) => resource.uri)).toEqual(["vbox://host/info"]);
      const { prompts } = await agent.listPrompts();
      expect(prompts.map((prompt) => prompt.name)).toEqual(["triage-vm"]);
      const info = await agent.readResource({ uri: "vbox://host/info" });
      expect(info.contents).toHaveLength(1);
      await expect(agent.readResource({ uri: "vbox://host/audit-log" })).rejects.toThrow(/POLICY DENIED/);
    } finally {
      await agent.close();
    }
  });
});
