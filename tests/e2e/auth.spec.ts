import { expect, test } from "@playwright/test";
import { SANDBOX_CREATOR, signIn } from "./helpers/auth";
import { watchCsp } from "./helpers/csp";

const sandbox = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4310}`;

test("signed out, the studio sends the creator to sign in and back where they were going", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  await page.goto("/?q=holiday");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F%3Fq%3Dholiday$/);
  await expect(page.getByText(SANDBOX_CREATOR.email)).toBeVisible();

  await page.getByLabel("Email").fill(SANDBOX_CREATOR.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "Email or password is incorrect.",
  );

  await page.getByLabel("Password").fill(SANDBOX_CREATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/" && url.search === "?q=holiday");
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  await expect(page.getByRole("banner").getByText(SANDBOX_CREATOR.email)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(violations).toStrictEqual([]);
});

test("security headers are on pages and API answers; the CSP names the player and the sandbox", async ({
  request,
}) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain(`frame-src ${sandbox}`);
    expect(csp, path).toContain(`connect-src 'self' ${sandbox}`);
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=/);
  }
});

test("creator routes refuse anonymous and cross-site callers; health stays public", async ({
  request,
  baseURL,
}) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const list = await request.get("/api/videos");
  expect(list.status()).toBe(401);
  expect((await list.json()).error.code).toBe("unauthenticated");

  const signedIn = await request.post("/api/session", {
    data: SANDBOX_CREATOR,
    headers: { Origin: baseURL! },
  });
  expect(signedIn.status()).toBe(200);
  expect((await request.get("/api/videos")).status()).toBe(200);
  const forged = await request.post("/api/uploads", {
    data: { title: "forged.mp4" },
    headers: { Origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
});

test("a creator uploads, and a viewer with no session watches, with no CSP violation", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  await signIn(page);
  await page.getByLabel("Choose video files").setInputFiles("tests/fixtures/sample.mp4");
  const watch = page.getByRole("link", { name: "Watch" }).first();
  await expect(watch).toBeVisible({ timeout: 90_000 });
  const href = await watch.getAttribute("href");
  expect(href).toMatch(/^\/watch\/[0-9a-f]{32}$/);

  const viewer = await browser.newContext();
  const viewerPage = await viewer.newPage();
  const viewerViolations = await watchCsp(viewerPage);
  const response = await viewerPage.goto(href!);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'self' https:");
  await expect(viewerPage.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  const player = viewerPage.locator('iframe[title^="Video player"]');
  await expect(player).toBeVisible();
  await expect(player).toHaveAttribute("src", new RegExp(`^${sandbox}/player/v2/\\?otp=`));
  await expect(
    viewerPage.frameLocator('iframe[title^="Video player"]').locator("video"),
  ).toBeVisible();
  await viewer.close();

  expect(violations).toStrictEqual([]);
  expect(viewerViolations).toStrictEqual([]);
});
