import { test } from "@playwright/test";
import {
  createVideo,
  deleteSandboxVideos,
  expectNoHorizontalOverflow,
  keepScreenshot,
  readyVideo,
  signIn,
  uniqueTag,
} from "./helpers/sandbox-videos";

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

test("the studio fits a phone and a desktop, in light and dark", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("look");
  created.push(
    await readyVideo(`${tag} A rather long title for a video about the northern lights`),
  );
  created.push((await createVideo(`${tag} Waiting for its file`)).videoId);

  await signIn(page);
  for (const width of [390, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/?q=${encodeURIComponent(tag)}`);
      await page.getByTestId("video-row").first().waitFor();
      await expectNoHorizontalOverflow(page);
      await keepScreenshot(page, testInfo, `studio-${width}-${colorScheme}`);
    }
  }
});
