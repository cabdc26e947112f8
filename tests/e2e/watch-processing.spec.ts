import { expect, test } from "@playwright/test";
import {
  createVideo,
  deleteSandboxVideos,
  expectPlays,
  uniqueTag,
  uploadFixture,
} from "./helpers/sandbox-videos";

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

test("a video still processing swaps in the player when ready, without a reload", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = `${uniqueTag("proc")} Still cooking`;
  const credentials = await createVideo(title);
  const id = credentials.videoId;
  created.push(id);

  await page.goto(`/watch/${id}`);
  await expect(page.getByText("Still processing")).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  // Survives only if the document is never reloaded.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));

  const polls: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/videos/${id}`) polls.push(request.method());
  });

  await uploadFixture(credentials, "sample-b.mp4");

  const iframe = page.locator('iframe[title^="Video player"]');
  await expect(iframe).toHaveCount(1, { timeout: 60_000 });
  const src = new URL((await iframe.getAttribute("src"))!);
  expect(src.searchParams.get("otp")).toBeTruthy();
  expect(src.searchParams.get("playbackInfo")).toBeTruthy();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
    "same page",
  );
  await expectPlays(page);

  // F12: once ready, the poller stops for good.
  const pollsAtReady = polls.length;
  expect(pollsAtReady).toBeGreaterThan(0);
  await page.waitForTimeout(7_000);
  expect(polls.length).toBe(pollsAtReady);
});
