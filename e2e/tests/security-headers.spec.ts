import { expect, type Page, test } from "@playwright/test";
import { signUp } from "../support/sign-up";

/** Every Content-Security-Policy complaint and uncaught error the page reports. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

test("dashboard pages carry a nonce CSP and security headers, and work in Chromium with no violation", async ({
  page,
}) => {
  const violations = watchViolations(page);
  const login = await page.goto("/login");
  const headers = login?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // A fresh nonce per response, and the scripts Next.js rendered carry it.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const scriptNonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(scriptNonces.every((value) => value === nonce)).toBe(true);

  await signUp(page, { email: `csp-${Date.now()}@example.test`, organisation: "CSP Co" });
  for (const path of [
    "/overview",
    "/servers",
    "/grants",
    "/logs",
    "/approvals",
    "/audit",
    "/members",
    "/settings/api-keys",
  ]) {
    await page.goto(path);
    await expect(page.getByTestId("org-name")).toHaveText("CSP Co");
    // React hydrated: the flight data the nonce'd inline scripts push exists.
    expect(await page.evaluate(() => "__next_f" in self)).toBe(true);
  }
  // Client-side navigation still works (scripts loaded by nonce'd ones are trusted via strict-dynamic).
  await page.getByRole("link", { name: "Servers" }).first().click();
  await page.waitForURL(/\/servers/);
  expect(violations).toEqual([]);
});

test("the dashboard refuses to be framed (no click-jacking of approve buttons)", async ({
  page,
  baseURL,
}) => {
  const violations = watchViolations(page);
  await page.setContent(`<iframe id="framed" src="${baseURL}/login"></iframe>`);
  await expect.poll(() => violations.join("\n")).toMatch(/frame-ancestors 'none'/);
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(await framed?.locator("input").count()).toBe(0);
});

test("API responses carry nosniff and the referrer policy too", async ({ request }) => {
  const response = await request.get("/api/v1/servers");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("same-origin");
});
