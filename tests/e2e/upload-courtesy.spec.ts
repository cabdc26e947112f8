import { expect, test } from "@playwright/test";
import { signIn } from "./helpers/auth";
import { dropFiles } from "./helpers/drop";
import { clearFaults, expectVideoGone, setFaults } from "./helpers/sandbox";
import { expectReady, uploadItem } from "./helpers/studio";

// What an upload must not do to the person around it: lose their typing to a focus jump, or leave an
// empty video behind when they sign out mid-upload.

test.beforeEach(async ({ page }) => {
  await clearFaults();
  await signIn(page);
});

test.afterEach(async () => {
  await clearFaults();
});

test("a finished upload does not take focus from the search box being typed in", async ({
  page,
}) => {
  await setFaults({ upload: { bytesPerSecond: 40_000 } });
  await dropFiles(page.getByRole("button", { name: /drop videos here/i }), [
    { fixture: "sample.mp4", name: "focus-check.mp4", type: "video/mp4" },
  ]);
  const search = page.getByRole("searchbox");
  await search.click();
  await search.pressSequentially("focus", { delay: 50 });
  await clearFaults();
  await expectReady(page, "focus-check");
  await search.pressSequentially("-check", { delay: 20 });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("focus-check");
});

test("signing out mid-upload asks first, then deletes the unfinished video", async ({ page }) => {
  await setFaults({ upload: { bytesPerSecond: 4_000 } });
  await dropFiles(page.getByRole("button", { name: /drop videos here/i }), [
    { fixture: "sample.mp4", name: "leaving.mp4", type: "video/mp4" },
  ]);
  const item = uploadItem(page, "leaving");
  await expect(item).toHaveAttribute("data-video-id", /^[0-9a-f]{32}$/);
  const videoId = (await item.getAttribute("data-video-id"))!;

  const questions: string[] = [];
  page.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect.poll(() => questions).toHaveLength(1);
  expect(questions[0]).toMatch(/upload is in progress/);
  await expect(item).toHaveAttribute("data-phase", /uploading|finishing/);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
  await expectVideoGone(videoId);
});
