import { expect, test } from "@playwright/test";
import { deleteSandboxVideos, expectPlays, readyVideo, uniqueTag } from "./helpers/sandbox-videos";

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

test("a share link plays in a fresh browser context, with a player only once it has an OTP", async ({
  browser,
}) => {
  const title = `${uniqueTag("watch")} Harbour at dawn`;
  const id = await readyVideo(title);
  created.push(id);

  // A viewer: no creator session, nothing cached.
  const context = await browser.newContext();
  const page = await context.newPage();
  const playerLoads: URL[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/player/v2")) playerLoads.push(new URL(request.url()));
  });

  const response = await page.goto(`/watch/${id}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"] ?? "").not.toMatch(/s-maxage|public/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page).toHaveTitle(new RegExp(title));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http/);

  const iframe = page.locator('iframe[title^="Video player"]');
  await expect(iframe).toHaveCount(1);
  const src = new URL((await iframe.getAttribute("src"))!);
  expect(src.searchParams.get("otp")).toMatch(/^.{64}$/);
  expect(src.searchParams.get("playbackInfo")).toBeTruthy();
  expect(await iframe.getAttribute("allow")).toContain("encrypted-media");
  expect(await iframe.getAttribute("allowfullscreen")).not.toBeNull();

  await expectPlays(page);
  // F16: the player was never asked for without both tokens.
  expect(playerLoads.length).toBeGreaterThan(0);
  for (const load of playerLoads) {
    expect(load.searchParams.get("otp")).toBeTruthy();
    expect(load.searchParams.get("playbackInfo")).toBeTruthy();
  }

  // A fresh OTP per view.
  const again = await context.newPage();
  await again.goto(`/watch/${id}`);
  const secondSrc = await again.locator('iframe[title^="Video player"]').getAttribute("src");
  expect(new URL(secondSrc!).searchParams.get("otp")).not.toBe(src.searchParams.get("otp"));
  await context.close();
});

test("an unknown video id and a malformed one both answer the 404 page", async ({ page }) => {
  for (const path of ["/watch/0123456789abcdef0123456789abcdef", "/watch/not-a-video-id"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.locator("iframe")).toHaveCount(0);
  }
});
