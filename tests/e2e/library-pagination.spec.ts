import { expect, test } from "@playwright/test";
import {
  createVideo,
  deleteSandboxVideos,
  searchLibrary,
  signIn,
  uniqueTag,
} from "./helpers/sandbox-videos";

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

test("25 videos page through 10 at a time, and the page survives a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("page");
  // Credentials alone make videos awaiting upload, which the library lists like any other.
  for (let i = 1; i <= 25; i += 1) created.push((await createVideo(`${tag} clip ${i}`)).videoId);

  await signIn(page);
  await searchLibrary(page, tag);
  await expect(page.getByText("25 videos")).toBeVisible();
  await expect(page.getByText("Page 1 of 3")).toBeVisible();

  const seen = new Set<string>();
  const collect = async (expected: number) => {
    // keepPreviousData shows the last page (dimmed, aria-busy) until the next one has arrived.
    await expect(page.getByRole("list", { name: "Videos" })).toHaveAttribute("aria-busy", "false");
    const rows = page.getByTestId("video-row");
    await expect(rows).toHaveCount(expected);
    for (const id of await rows.evaluateAll((els) => els.map((el) => el.dataset.videoId!))) {
      expect(seen.has(id), `video ${id} listed twice`).toBe(false);
      seen.add(id);
    }
  };

  const pages = page.getByRole("navigation", { name: "Library pages" });
  await collect(10);
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await expect(page).toHaveURL(/[?&]page=2/);
  await collect(10);
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await collect(5);
  expect([...seen].sort()).toEqual([...created].sort());

  await page.reload();
  await expect(page.getByText("Page 3 of 3")).toBeVisible();
  await expect(page.getByTestId("video-row")).toHaveCount(5);
  await page.goBack();
  await expect(page.getByText("Page 2 of 3")).toBeVisible();
  await expect(page.getByTestId("video-row")).toHaveCount(10);
});
