import { expect, type Page } from "@playwright/test";

/** Signs up a new organisation through the dashboard and waits until its admin is signed in. */
export async function signUp(page: Page, account: { email: string; organisation: string }): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("a-long-password-1");
  await page.getByLabel("Organisation name").fill(account.organisation);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("org-name")).toHaveText(account.organisation);
}
