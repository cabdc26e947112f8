import { expect, test, type Page } from "@playwright/test";
import {
  createVideo,
  deleteSandboxVideos,
  readyVideo,
  sandboxVideo,
  searchLibrary,
  signIn,
  uniqueTag,
  uploadFixture,
} from "./helpers/sandbox-videos";

const created: string[] = [];
test.afterAll(() => deleteSandboxVideos(created));

const rows = (page: Page) => page.getByTestId("video-row");
const search = (page: Page) => page.getByLabel("Search videos by title");

test("search narrows the list, lives in the URL and survives a reload", async ({ page }) => {
  const tag = uniqueTag("find");
  for (const name of ["Lighthouse", "Lagoon"])
    created.push((await createVideo(`${tag} ${name}`)).videoId);

  await signIn(page);
  await searchLibrary(page, tag);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  await expect(rows(page)).toHaveCount(2);

  await searchLibrary(page, `${tag} Lagoon`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Lagoon");

  await page.reload();
  await expect(search(page)).toHaveValue(`${tag} Lagoon`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Lagoon");

  await searchLibrary(page, `${tag} nothing-like-this`);
  await expect(page.getByText(/No videos match/)).toBeVisible();
});

test("rename persists across a reload and upstream", async ({ page }) => {
  const tag = uniqueTag("ren");
  const { videoId } = await createVideo(`${tag} Draft title`);
  created.push(videoId);

  await signIn(page);
  await searchLibrary(page, tag);
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole("button", { name: `Rename ${tag} Draft title` }).click();
  const input = page.getByLabel(`New title for ${tag} Draft title`);
  await expect(input).toBeFocused();
  await input.fill(`${tag} Final cut`);
  await input.press("Enter");
  await expect(rows(page).getByRole("link", { name: `${tag} Final cut` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Rename ${tag} Final cut` })).toBeFocused();

  await page.reload();
  await expect(rows(page).getByRole("link", { name: `${tag} Final cut` })).toBeVisible();
  const upstream = (await (await sandboxVideo(videoId)).json()) as { title: string };
  expect(upstream.title).toBe(`${tag} Final cut`);
});

test("delete asks first, removes the video, and its watch page then 404s", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("del");
  const id = await readyVideo(`${tag} Doomed`);
  const keep = await createVideo(`${tag} Keeper`);
  const pair = [await createVideo(`${tag} Twin one`), await createVideo(`${tag} Twin two`)];
  created.push(id, keep.videoId, ...pair.map((video) => video.videoId));

  await signIn(page);
  await searchLibrary(page, tag);
  await expect(rows(page)).toHaveCount(4);

  await page.getByRole("button", { name: `Delete ${tag} Doomed` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this video?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(4);
  expect((await sandboxVideo(id)).status).toBe(200);

  await page.getByRole("button", { name: `Delete ${tag} Doomed` }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).filter({ hasText: "Doomed" })).toHaveCount(0);
  expect((await sandboxVideo(id)).status).toBe(404);
  expect((await page.goto(`/watch/${id}`))?.status()).toBe(404);

  // Many at once.
  await page.goto(`/?q=${encodeURIComponent(tag)}`);
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel(`Select ${tag} Twin one`).check();
  await page.getByLabel(`Select ${tag} Twin two`).check();
  await page.getByRole("button", { name: "Delete selected (2)" }).click();
  const many = page.getByRole("dialog", { name: "Delete 2 videos?" });
  await many.getByRole("button", { name: "Delete" }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Keeper");
  for (const video of pair) expect((await sandboxVideo(video.videoId)).status).toBe(404);
});

test("a row still processing updates by itself", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("live");
  const credentials = await createVideo(`${tag} Fresh upload`);
  created.push(credentials.videoId);

  await signIn(page);
  await searchLibrary(page, tag);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Awaiting upload");
  await uploadFixture(credentials, "sample.mp4");
  await expect(rows(page)).toContainText("Ready", { timeout: 60_000 });
  await expect(rows(page)).toContainText("0:03");
});
