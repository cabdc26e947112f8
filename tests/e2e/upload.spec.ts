import { expect, test } from "@playwright/test";
import { dropFiles } from "./helpers/drop";
import { signIn } from "./helpers/auth";
import { clearFaults, getSandboxVideo } from "./helpers/sandbox";
import { expectReady, recordAnnouncements, recordRequests, uploadItem } from "./helpers/studio";

test.beforeEach(async ({ page }) => {
  await clearFaults();
  await signIn(page);
});

test("a dropped .MOV with no MIME type goes from bytes to a playable video", async ({ page }) => {
  const announcements = await recordAnnouncements(page);
  const calls = recordRequests(page);
  await page.goto("/");
  const dropzone = page.getByRole("button", { name: /drop videos here/i });
  await expect(dropzone).toBeVisible();

  await dropFiles(dropzone, [{ fixture: "sample.mov", name: "Holiday CLIP.MOV", type: "" }]);

  const item = uploadItem(page, "Holiday CLIP");
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute("data-phase", /queued|processing/, { timeout: 20_000 });
  await expectReady(page, "Holiday CLIP");

  const videoId = await item.getAttribute("data-video-id");
  expect(videoId).toMatch(/^[0-9a-f]{32}$/);
  await expect(item.locator("img")).toHaveAttribute("src", /poster/);
  await expect(item).toContainText(/0:0[2-4]/);
  const watch = item.getByRole("link", { name: "Watch" });
  await expect(watch).toBeFocused();

  const said = await announcements();
  expect(said[0]).toMatch(/Uploading “Holiday CLIP”/);
  expect(said).toContain("“Holiday CLIP”: 100% uploaded.");
  expect(said.filter((text) => /is ready to watch/.test(text))).toHaveLength(1);

  expect(calls.filter((call) => call === "POST /api/uploads")).toHaveLength(1);
  expect(calls.filter((call) => call.startsWith("POST /s3/"))).toHaveLength(1);
  expect(calls.filter((call) => call.startsWith("DELETE "))).toHaveLength(0);
  const sandboxVideo = await getSandboxVideo(videoId!);
  expect(sandboxVideo).toMatchObject({ title: "Holiday CLIP", status: "ready" });

  await watch.click();
  await expect(page).toHaveURL(new RegExp(`/watch/${videoId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Holiday CLIP" })).toBeVisible();
  await expect(page.locator("iframe")).toHaveAttribute("src", /otp=[^&]+&playbackInfo=.+/);
});

test("three files dropped at once all become ready", async ({ page }) => {
  await page.goto("/");
  const dropzone = page.getByRole("button", { name: /drop videos here/i });
  await dropFiles(dropzone, [
    { fixture: "sample.mp4", name: "first.mp4", type: "video/mp4" },
    { fixture: "sample-b.mp4", name: "second.mp4", type: "video/mp4" },
    { fixture: "sample-c.webm", name: "third.mkv", type: "" },
  ]);
  await expect(page.getByTestId("upload-item")).toHaveCount(3);
  for (const title of ["first", "second", "third"]) await expectReady(page, title, 60_000);
});

test("a text file and an empty file are refused before any request", async ({ page }) => {
  const calls = recordRequests(page);
  await page.goto("/");
  const dropzone = page.getByRole("button", { name: /drop videos here/i });
  await dropFiles(dropzone, [
    { fixture: "notes.txt", name: "notes.txt", type: "text/plain" },
    { fixture: null, name: "placeholder.mp4", type: "video/mp4" },
  ]);
  const rejections = page.getByTestId("upload-rejections");
  await expect(rejections).toContainText("“notes.txt” is not a video");
  await expect(rejections).toContainText("“placeholder.mp4” is empty (0 bytes)");
  await expect(page.getByTestId("upload-item")).toHaveCount(0);
  expect(calls.filter((call) => call === "POST /api/uploads")).toHaveLength(0);
});

test("random bytes named .mp4 end as failed with a reason", async ({ page }) => {
  await page.goto("/");
  await dropFiles(page.getByRole("button", { name: /drop videos here/i }), [
    { fixture: "random.mp4", name: "broken.mp4", type: "video/mp4" },
  ]);
  const item = uploadItem(page, "broken");
  await expect(item).toHaveAttribute("data-phase", "failed", { timeout: 45_000 });
  await expect(item).toContainText("could not be processed");
  await expect(item.getByRole("button", { name: "Retry" })).toBeFocused();
});
