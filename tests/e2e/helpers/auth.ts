import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The sandbox's default creator (the app runs with CIPHERDROP_SANDBOX=1 and no CIPHERDROP_CREATORS). */
export const SANDBOX_CREATOR = { email: "creator@cipherdrop.local", password: "sandbox" };

/**
 * Signs in through the sign-in page, as a creator would, and waits to land on `next`. Every spec that
 * opens the studio calls this first: the studio redirects signed-out visitors to /sign-in.
 */
export async function signIn(page: Page, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(SANDBOX_CREATOR.email);
  await page.getByLabel("Password").fill(SANDBOX_CREATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const target = new URL(next, "http://x");
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs a Playwright API context in (it keeps the cookie), for specs that call creator routes directly. */
export async function signInRequest(request: APIRequestContext, baseURL: string) {
  const response = await request.post("/api/session", {
    data: SANDBOX_CREATOR,
    headers: { Origin: new URL(baseURL).origin },
  });
  expect(response.status()).toBe(200);
}
