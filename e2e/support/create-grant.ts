import { expect, type Page } from "@playwright/test";

/** Creates a grant on the Grants page (already open) and returns its token, shown once. */
export async function createGrant(page: Page, label: string): Promise<string> {
  await page.getByLabel("Grant label").fill(label);
  await page.getByRole("button", { name: "Create grant" }).click();
  const token = (await page.getByTestId("grant-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^tg_grt_/);
  return token;
}
