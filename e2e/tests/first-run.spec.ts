import { type Browser, expect, type Page, test } from "@playwright/test";
import { createGrant } from "../support/create-grant";
import { e2eEnv } from "../support/env";
import { connectAgent, resultText } from "../support/mcp-client";
import { signUp } from "../support/sign-up";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/first-run/${name}.png`, fullPage: true });

const journeyPolicy = JSON.stringify({
  version: "1",
  default: "deny",
  tools: {
    ListVms: {},
    GetVmInfo: {},
    GetVmState: { action: "require_approval", approval: { timeout: "5m" } },
  },
});

/** The page is no wider than the window: nothing scrolls sideways, whatever the content. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(widths.client);
  expect(widths.body, `${page.url()} body is wider than the window`).toBeLessThanOrEqual(widths.client);
}

/** Every element that clips its content sideways (tables, cards) fits its own box too. */
async function expectNothingClippedSideways(page: Page, selector: string): Promise<void> {
  const overflowing = await page
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.tagName} ${element.scrollWidth}>${element.clientWidth}`),
    );
  expect(overflowing, `${page.url()}: ${selector} wider than its box`).toEqual([]);
}

async function progress(page: Page): Promise<string> {
  return (await page.getByTestId("first-run-progress").textContent())?.trim() ?? "";
}

async function phoneContext(browser: Browser, page: Page) {
  return browser.newContext({ viewport: PHONE, storageState: await page.context().storageState() });
}

test.use({ viewport: DESKTOP });

test("first run at 1440 and 390 px: checklist, approvals count and toast, held and failed calls in logs and overview, no sideways scrolling", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  let serverPath = "";
  let gatewayUrl = "";
  let token = "";

  await test.step("sign up: the checklist says what to do first", async () => {
    await signUp(page, { email: `first-run-${stamp}@example.test`, organisation: `First Run Co ${stamp}` });
    await page.goto("/overview");
    await expect(page.getByTestId("first-run")).toBeVisible();
    expect(await progress(page)).toBe("0 of 4 done");
    await expect(page.getByTestId("first-run-server")).toHaveAttribute("data-done", "false");
    await shot(page, "01-checklist-new");
  });

  await test.step("register the demo server: step 1 ticks; a failed attempt keeps the name", async () => {
    await page.getByTestId("first-run-server").getByRole("link", { name: "Add a server" }).click();
    await page.waitForURL(/\/servers$/);
    await page.getByLabel("Server name").fill("Virtualization");
    await page.getByLabel("Server URL").fill("http://127.0.0.1:9/mcp");
    await page.getByRole("button", { name: "Add server" }).click();
    await expect(page.locator("[data-sonner-toast]").first()).toBeVisible();
    await expect(page.getByLabel("Server name")).toHaveValue("Virtualization");
    await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
    await page.getByRole("button", { name: "Add server" }).click();
    await page.waitForURL(/\/servers\/srv_/);
    serverPath = new URL(page.url()).pathname;
    await expect(page.getByTestId("policy-status")).toContainText("No policy published.");
    gatewayUrl = (await page.getByTestId("gateway-url").textContent())?.trim() ?? "";
    expect(gatewayUrl).toMatch(/\/mcp$/);
    await page.goto("/overview");
    expect(await progress(page)).toBe("1 of 4 done");
    await expect(page.getByTestId("first-run-server")).toHaveAttribute("data-done", "true");
  });

  await test.step("the builder opens on a draft that says it is not published", async () => {
    await page.goto(`${serverPath}/policy`);
    await expect(page.getByTestId("draft-banner")).toContainText("Draft — not published.");
    await expect(page.getByText("Hide removes it from tools/list", { exact: false })).toBeVisible();
    await shot(page, "02-builder-draft");
  });

  await test.step("publish a policy: step 2 ticks", async () => {
    await page.goto(serverPath);
    await page.getByText("Paste policy JSON").click();
    await page.getByLabel("Policy JSON").fill(journeyPolicy);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText(/Published version 1/).first()).toBeVisible();
    await page.goto("/overview");
    expect(await progress(page)).toBe("2 of 4 done");
  });

  await test.step("create a grant: step 3 ticks", async () => {
    await page.goto("/grants");
    token = await createGrant(page, "first-run-agent");
    await page.goto("/overview");
    expect(await progress(page)).toBe("3 of 4 done");
    await expect(page.getByTestId("first-run-call")).toHaveAttribute("data-done", "false");
  });

  const agent = await connectAgent(gatewayUrl, token);
  try {
    await test.step("the agent's calls: one allowed, one the tool fails, one denied; step 4 ticks", async () => {
      const listed = await agent.callTool({ name: "ListVms", arguments: {} });
      expect(listed.isError ?? false).toBe(false);
      const failed = await agent.callTool({ name: "GetVmInfo", arguments: { vm_name: "no-such-vm" } });
      expect(failed.isError).toBe(true);
      expect(resultText(failed)).not.toMatch(/POLICY DENIED/);
      const denied = await agent.callTool({ name: "DeleteVm", arguments: { name: "debian-db" } });
      expect(resultText(denied)).toMatch(/^\[POLICY DENIED\]/);
      // Every step done: the checklist steps aside.
      await expect(async () => {
        await page.goto("/overview");
        await expect(page.getByTestId("first-run")).toHaveCount(0, { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
    });

    await test.step("a held call: the nav counts it, Approve shows a toast and a recent decision", async () => {
      const held = agent.callTool({ name: "GetVmState", arguments: { vm_name: "alpine-ci" } }, undefined, {
        timeout: 80_000,
      });
      await expect(async () => {
        await page.goto("/logs");
        await expect(page.getByTestId("nav-count-approvals")).toContainText("1", { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await shot(page, "03-nav-count");

      const phone = await phoneContext(browser, page);
      try {
        const mobile = await phone.newPage();
        await mobile.goto("/overview");
        await mobile.getByRole("button", { name: "Open menu" }).click();
        const menu = mobile.getByRole("dialog", { name: "Menu" });
        await expect(menu.getByTestId("nav-count-approvals")).toContainText("1");
        await shot(mobile, "04-mobile-menu");
        await menu.getByRole("link", { name: /Approvals/ }).click();
        await mobile.waitForURL(/\/approvals/);
        await expect(mobile.getByTestId("approval")).toBeVisible();
        await expectNoHorizontalOverflow(mobile);
      } finally {
        await phone.close();
      }

      await page
        .getByRole("link", { name: /Approvals/ })
        .first()
        .click();
      await page.waitForURL(/\/approvals/);
      const item = page.getByTestId("approval").filter({ hasText: "GetVmState" });
      await expect(item).toBeVisible();
      await item.getByLabel(/Reason/).fill("checked with the on-call engineer");
      await item.getByRole("button", { name: "Approve" }).click();
      await expect(page.getByText("Approved GetVmState: the agent's call runs now.")).toBeVisible();
      await expect(page.getByTestId("recent-decision").filter({ hasText: "GetVmState" })).toContainText(
        "checked with the on-call engineer",
      );
      await expect(page.getByTestId("nav-count-approvals")).toHaveCount(0);
      await shot(page, "05-approved-toast");
      const result = await held;
      expect(result.isError ?? false).toBe(false);
    });
  } finally {
    await agent.close();
  }

  await test.step("logs: tool calls by default, the tool's failure as error, full-row click opens it", async () => {
    await expect(async () => {
      await page.goto("/logs");
      await expect(page.getByTestId("log-row").filter({ hasText: "GetVmState" })).toHaveCount(1, {
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });
    const rows = page.getByTestId("log-row");
    await expect(rows.filter({ hasText: "initialize" })).toHaveCount(0);
    const errored = rows.filter({ hasText: "GetVmInfo" });
    await expect(errored).toContainText("error");
    await expect(rows.filter({ hasText: "DeleteVm" })).toContainText("(default deny)");
    await expectNothingClippedSideways(page, "table");
    await shot(page, "06-logs");
    // A click on the message cell, not on the time link, opens the drawer with the full text.
    await errored.locator("td").nth(6).click();
    const entry = page.getByTestId("log-entry");
    await expect(entry).toContainText('"no-such-vm" not found');
    await expect(entry).toContainText("upstream failed it");
    await shot(page, "07-log-error-detail");

    await page.goto("/logs?decision=approval_pending");
    await expect(page.getByTestId("log-row").filter({ hasText: "GetVmState" })).toContainText("approved");
    await page.goto("/logs?decision=error");
    await expect(page.getByTestId("log-row")).toHaveCount(1);
    await page.goto("/logs?method=all");
    await expect(page.getByTestId("log-row").filter({ hasText: "initialize" }).first()).toBeVisible();
  });

  await test.step("overview: tool calls, the held call and the upstream error are counted", async () => {
    await page.goto("/overview");
    await expect(page.getByTestId("stat-tool-calls")).toContainText("4");
    await expect(page.getByTestId("stat-sent-for-approval")).toContainText("1");
    await expect(page.getByTestId("stat-upstream-errors")).toContainText("1");
    await expect(page.getByTestId("stat-denied")).toContainText("1");
    await shot(page, "08-overview");
  });

  await test.step("quick search: Ctrl+K finds a tool and opens its server's builder", async () => {
    await page.keyboard.press("Control+k");
    const search = page.getByPlaceholder("Search servers, tools, grants, pages…");
    await expect(search).toBeFocused();
    await search.fill("GetVmInfo");
    await expect(page.getByRole("option", { name: /GetVmInfo/ })).toBeVisible();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/servers\/srv_[^/]+\/policy/);
  });

  const pages = [
    "/overview",
    "/servers",
    serverPath,
    `${serverPath}/policy`,
    "/grants",
    "/logs",
    "/logs?method=all",
    "/approvals",
    "/settings/api-keys",
    "/settings/api-reference",
    "/members",
    "/audit",
  ];
  await test.step("no page scrolls sideways at 1440 px", async () => {
    for (const path of pages) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
    }
  });

  await test.step("no page scrolls sideways at 390 px, and the menu reaches every page", async () => {
    const phone = await phoneContext(browser, page);
    try {
      const mobile = await phone.newPage();
      for (const path of pages) {
        await mobile.goto(path);
        await expectNoHorizontalOverflow(mobile);
      }
      await mobile.goto("/logs");
      await expectNothingClippedSideways(mobile, "table");
      await shot(mobile, "09-mobile-logs");
      await mobile.goto("/overview");
      await shot(mobile, "10-mobile-overview");
      await mobile.getByRole("button", { name: "Open menu" }).click();
      await mobile.getByRole("dialog", { name: "Menu" }).getByRole("link", { name: "Grants" }).click();
      await mobile.waitForURL(/\/grants/);
    } finally {
      await phone.close();
    }
  });
});
