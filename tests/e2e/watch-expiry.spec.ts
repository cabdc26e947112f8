import { expect, test } from "@playwright/test";
import { deleteSandboxVideos, expectPlays, readyVideo, uniqueTag } from "./helpers/sandbox-videos";

// Runs against the app's real OTP ttl: the e2e web server sets OTP_TTL_SECONDS=30 (the minimum),
// and the sandbox refuses a player load with an OTP older than that.
const TTL_SECONDS = Number(process.env.E2E_OTP_TTL_SECONDS ?? 30);

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

test("a tab left open past the OTP's ttl gets a fresh OTP before the viewer plays", async ({
  page,
}) => {
  test.setTimeout(TTL_SECONDS * 1000 + 90_000);
  const id = await readyVideo(`${uniqueTag("ttl")} Left open`);
  created.push(id);

  await page.goto(`/watch/${id}`);
  const iframe = page.locator('iframe[title^="Video player"]');
  const firstSrc = (await iframe.getAttribute("src"))!;
  const mintedAt = Date.now();

  // The stale player is covered; the viewer's press on it asks for a fresh OTP.
  const play = page.getByRole("button", { name: "Play" });
  await expect(play).toBeVisible({ timeout: TTL_SECONDS * 1000 + 5_000 });

  // Wait until the first OTP has really expired on the sandbox, and prove that it has.
  await page.waitForTimeout(Math.max(0, mintedAt + TTL_SECONDS * 1000 + 1_000 - Date.now()));
  const stale = await page.request.get(firstSrc);
  expect(stale.status()).toBe(403);
  expect(await stale.text()).toContain("OTP has expired");

  const minted = page.waitForResponse(
    (response) =>
      response.url().endsWith(`/api/videos/${id}/playback`) &&
      response.request().method() === "POST",
  );
  await play.click();
  expect((await minted).status()).toBe(200);
  // The button reads "Loading…" while the OTP is minted; wait for the reloaded player itself.
  await expect(iframe).not.toHaveAttribute("src", firstSrc);
  await expect(page.getByRole("button", { name: /Play|Loading/ })).toHaveCount(0);
  const freshSrc = (await iframe.getAttribute("src"))!;
  expect(new URL(freshSrc).searchParams.get("otp")).not.toBe(
    new URL(firstSrc).searchParams.get("otp"),
  );
  await expectPlays(page);
});
