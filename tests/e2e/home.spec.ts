import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/auth";

test("the home page renders with the product name", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveTitle(/Cipherdrop/);
  await expect(page.getByRole("link", { name: "Cipherdrop" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("health answers with the sandbox mode and is never cached", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, mode: "sandbox" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});
