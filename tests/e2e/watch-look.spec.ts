import { expect, test } from "@playwright/test";
import {
  deleteSandboxVideos,
  expectNoHorizontalOverflow,
  keepScreenshot,
  readyVideo,
  uniqueTag,
} from "./helpers/sandbox-videos";

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

test("the watch page fits a phone and a desktop, in light and dark", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const id = await readyVideo(`${uniqueTag("look")} Evening tide over the harbour wall`);
  created.push(id);

  for (const width of [390, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/watch/${id}`);
      const video = page.frameLocator('iframe[title^="Video player"]').locator("video");
      await expect(video).toBeVisible();
      const box = await page.locator('iframe[title^="Video player"]').boundingBox();
      expect(box!.width / box!.height).toBeCloseTo(16 / 9, 1);
      await expectNoHorizontalOverflow(page);
      await keepScreenshot(page, testInfo, `watch-${width}-${colorScheme}`);
    }
  }
});
