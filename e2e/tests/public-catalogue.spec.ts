import { readdirSync, readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { createGrant } from "../support/create-grant";
import { e2eEnv } from "../support/env";
import { connectAgent } from "../support/mcp-client";

const canonicalPolicy: unknown = JSON.parse(
  readFileSync(new URL("../fixtures/canonical-policy.json", import.meta.url), "utf8"),
);
const shot = (name: string) => ({ path: `artifacts/public-catalogue/${name}.png`, fullPage: true });

type CatalogueRecord = { slug: string; tools: { name: string }[] };
const catalogueDir = new URL("../../apps/web/catalogue/servers/", import.meta.url);
const records: CatalogueRecord[] = readdirSync(catalogueDir)
  .filter((file) => file.endsWith(".json"))
  .map((file) => JSON.parse(readFileSync(new URL(file, catalogueDir), "utf8")) as CatalogueRecord);

/** The builder's JSON pane, read from CodeMirror's lines. */
async function jsonPane(page: Page): Promise<unknown> {
  return JSON.parse((await page.getByRole("textbox", { name: "Policy JSON" }).textContent()) ?? "");
}

test.use({ viewport: { width: 1440, height: 1400 } });

test("catalogue: signed out on MountIso, 'Limit this tool' through sign-up to a published policy the gateway enforces", async ({
  page,
}) => {
  const email = `catalogue-${Date.now()}@example.test`;

  await test.step("signed out: the landing page and the catalogue are public", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("MCP tool");
    await expect(page.getByRole("figure", { name: "Example policy JSON" })).toContainText('"mountiso_rate"');
    await page.screenshot(shot("01-landing"));
    await page.getByRole("link", { name: "Browse the tool catalogue" }).click();
    await page.waitForURL(/\/catalogue$/);
    await page.getByLabel("Search servers and tools").fill("mount iso");
    await page.getByLabel("Category").selectOption("Write");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=mount/);
    await page.screenshot(shot("02-search"));
    // Servers that tenants published may list a MountIso too: pick the catalogue's own.
    await page.locator('a[href="/catalogue/virtualization/MountIso"]').first().click();
    await page.waitForURL(/\/catalogue\/virtualization\/MountIso$/);
  });

  await test.step("the tool page: Write / Medium, the canonical policy, why and how", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("MountIso");
    await expect(page.getByTestId("tool-class")).toContainText("Write tool, Medium risk");
    const recommended = await page.getByRole("figure", { name: "Recommended policy JSON" }).textContent();
    expect(JSON.parse(recommended ?? "")).toEqual(canonicalPolicy);
    await expect(page.getByRole("region", { name: "Why it needs a policy" })).toContainText("iso_path");
    await expect(page.getByText("How do I block MountIso completely?")).toBeVisible();
    await expect(page).toHaveTitle(/MountIso \(Virtualization MCP\): Write tool, Medium risk/);
    await page.screenshot(shot("03-tool-page"));
  });

  await test.step("'Limit this tool' asks a visitor to sign up, then the register step knows the tool", async () => {
    await page.getByRole("link", { name: "Limit this tool →" }).first().click();
    await page.waitForURL(/\/signup\?next=/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-password-1");
    await page.getByLabel("Organisation name").fill("Catalogue Co");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.waitForURL(/\/servers\?catalogue=virtualization&tool=MountIso/);
    await expect(page.getByRole("status").filter({ hasText: "to limit MountIso" })).toBeVisible();
    await expect(page.getByLabel("Server name")).toHaveValue("virtualization");
    await page.screenshot(shot("04-register-step"));
    await page.getByLabel("Server URL").fill(e2eEnv.demoUpstreamUrl);
    await page.getByRole("button", { name: "Add server" }).click();
  });

  await test.step("the builder opens with the recommended rule as a clearly marked unpublished draft", async () => {
    await page.waitForURL(/\/servers\/[^/]+\/policy\?catalogue=virtualization&tool=MountIso/);
    const notice = page.getByRole("region", { name: "Unpublished draft" });
    await expect(notice).toContainText("recommended rule for MountIso");
    await expect.poll(() => jsonPane(page)).toEqual(canonicalPolicy);
    await expect(page.getByTestId("policy-version")).toHaveText("Not published yet · unsaved changes");
    await page.screenshot(shot("05-builder-draft"));
  });

  await test.step("publish it", async () => {
    await page.getByLabel("Version message").fill("Limit MountIso, from the catalogue");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("Published version 1.")).toBeVisible();
    await expect(page.getByTestId("policy-version")).toContainText("Current version: 1");
    await expect(page.getByRole("region", { name: "Unpublished draft" })).toHaveCount(0);
    await page.screenshot(shot("06-published"));
  });

  const serverPath = new URL(page.url()).pathname.replace(/\/policy$/, "");

  await test.step("a real MCP client through the gateway sees only MountIso", async () => {
    await page.goto(serverPath);
    const gatewayUrl = (await page.getByTestId("gateway-url").first().textContent())?.trim() ?? "";
    await page.goto("/grants");
    const token = await createGrant(page, "catalogue-agent");
    const agent = await connectAgent(gatewayUrl, token);
    try {
      const { tools } = await agent.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(["MountIso"]);
    } finally {
      await agent.close();
    }
  });

  await test.step("signed in, 'Limit this tool' goes straight to the same server's builder, merged into the policy", async () => {
    await page.goto("/");
    await page.waitForURL(/\/servers$/);
    await page.goto("/catalogue/virtualization/DeleteVm");
    await expect(page.getByTestId("tool-class")).toContainText("Destructive");
    await page.getByRole("link", { name: "Limit this tool →" }).first().click();
    await page.waitForURL(new RegExp(`${serverPath}/policy\\?catalogue=virtualization&tool=DeleteVm`));
    await expect(page.getByRole("region", { name: "Unpublished draft" })).toContainText("DeleteVm");
    await expect.poll(() => jsonPane(page)).toEqual({ ...(canonicalPolicy as object), hide: ["DeleteVm"] });
    await page.screenshot(shot("07-second-draft"));
  });

  await test.step("an admin publishes the server's tool list; visitors see the tools, never its URL", async () => {
    page.once("dialog", (dialog) => dialog.accept());
    await page.goto(serverPath);
    const state = page.getByTestId("catalogue-publish-state");
    await expect(state).toContainText("Not published");
    await page.getByRole("button", { name: "Publish to the public catalogue" }).click();
    await expect(state).toContainText("Published");
    const publicPath = (await state.getByRole("link").textContent())?.trim() ?? "";
    expect(publicPath).toMatch(/^\/catalogue\/[a-z0-9-]+$/);
    const visitor = await page.context().browser()?.newPage();
    if (visitor === undefined) throw new Error("no browser");
    try {
      await visitor.goto(new URL(publicPath, page.url()).href);
      await expect(visitor.getByRole("link", { name: "MountIso", exact: true })).toBeVisible();
      expect(await visitor.content()).not.toContain(new URL(e2eEnv.demoUpstreamUrl).host);
      await visitor.screenshot(shot("08-published-to-catalogue"));
    } finally {
      await visitor.close();
    }
  });
});

test("sitemap.xml lists every public page, and each has a unique title, description and its own canonical URL", async ({
  request,
}) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.ok()).toBe(true);
  const listed = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (match) => new URL(match[1] ?? "").pathname,
  );
  const expected = [
    "/",
    "/catalogue",
    ...records.flatMap((record) => [
      `/catalogue/${record.slug}`,
      ...record.tools.map((tool) => `/catalogue/${record.slug}/${encodeURIComponent(tool.name)}`),
    ]),
  ];
  // Every page of the repo's index is listed (servers tenants published may add more), once.
  expect(listed).toEqual(expect.arrayContaining(expected));
  expect(new Set(listed).size).toBe(listed.length);

  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const path of listed) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(title, path).not.toBe("");
    expect(description.length, path).toBeGreaterThan(40);
    expect(new URL(canonical).pathname, path).toBe(path);
    expect(html, path).toContain('<meta property="og:title"');
    expect(html, path).toContain('type="application/ld+json"');
    expect(titles.get(title), `${path} repeats the title of ${titles.get(title)}`).toBeUndefined();
    expect(
      descriptions.get(description),
      `${path} repeats the description of ${descriptions.get(description)}`,
    ).toBeUndefined();
    titles.set(title, path);
    descriptions.set(description, path);
  }
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toContain("Sitemap: ");
});
