import { expect, test, type Page } from "@playwright/test";
import { dropFiles } from "./helpers/drop";
import { signIn } from "./helpers/auth";
import { clearFaults, expectVideoGone, sandboxUrl, setFaults } from "./helpers/sandbox";
import { expectReady, recordRequests, uploadItem } from "./helpers/studio";

// The sandbox's fault switches, seen through the studio: what the creator sees and which requests
// the page makes. The e2e build sets NEXT_PUBLIC_UPLOAD_STALL_TIMEOUT_MS low so stalls show quickly.

const dropSample = async (page: Page, name: string) =>
  dropFiles(page.getByRole("button", { name: /drop videos here/i }), [
    { fixture: "sample.mp4", name, type: "video/mp4" },
  ]);

const deletedIds = (calls: string[]) =>
  calls.filter((call) => call.startsWith("DELETE /api/videos/")).map((call) => call.split("/")[3]);

test.beforeEach(async ({ page }) => {
  await clearFaults();
  await signIn(page);
  await page.goto("/");
});

test.afterEach(async () => {
  await clearFaults();
});

test("a connection dropped at 40% is retried with fresh credentials and succeeds", async ({
  page,
}) => {
  const calls = recordRequests(page);
  // Chromium itself resends a POST once when a reused connection drops, with the same
  // credentials; the fault outlasts that so the engine's own retry is what heals it.
  await setFaults({ upload: { dropAfter: 0.4, count: 3 } });
  await dropSample(page, "dropped.mp4");
  const item = await expectReady(page, "dropped");
  const tickets = calls.filter((call) => call === "POST /api/uploads").length;
  expect(tickets).toBeGreaterThanOrEqual(2);
  const finalId = await item.getAttribute("data-video-id");
  await expect.poll(() => deletedIds(calls).length).toBe(tickets - 1);
  expect(deletedIds(calls)).not.toContain(finalId);
  for (const id of deletedIds(calls)) await expectVideoGone(id);
});

test("an expired policy gets fresh credentials and the upload succeeds", async ({ page }) => {
  const calls = recordRequests(page);
  await setFaults({ policyTtlSeconds: 1 });
  let delayed = false;
  // The first attempt reaches storage after its policy expired, as after an hour-long wait.
  await page.route(`${sandboxUrl}/s3/**`, async (route) => {
    if (!delayed && route.request().method() === "POST") {
      delayed = true;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    }
    await route.continue();
  });
  await dropSample(page, "expired.mp4");
  await expectReady(page, "expired");
  expect(calls.filter((call) => call === "POST /api/uploads")).toHaveLength(2);
  expect(deletedIds(calls)).toHaveLength(1);
});

test("an upload that stops making progress ends in a stall error, and Retry then succeeds", async ({
  page,
}) => {
  const calls = recordRequests(page);
  await setFaults({ upload: { bytesPerSecond: 1 } });
  await dropSample(page, "stuck.mp4");
  const item = uploadItem(page, "stuck");
  await expect(item).toHaveAttribute("data-phase", "failed", { timeout: 40_000 });
  await expect(item.getByRole("alert")).toContainText(
    /did not answer in time|stopped making progress/,
  );
  expect(calls.filter((call) => call === "POST /api/uploads")).toHaveLength(3);
  await expect.poll(() => deletedIds(calls).length).toBe(3);

  await clearFaults();
  await item.getByRole("button", { name: "Retry" }).click();
  await expectReady(page, "stuck");
  expect(calls.filter((call) => call === "POST /api/uploads")).toHaveLength(4);
});

test("storage that keeps the file but never answers: the status check finds it (F10)", async ({
  page,
}) => {
  const calls = recordRequests(page);
  await setFaults({ upload: { neverAnswer: true, count: 1 } });
  await dropSample(page, "silent.mp4");
  const item = uploadItem(page, "silent");
  await expect(item).toHaveAttribute("data-phase", "finishing");
  await expectReady(page, "silent");
  expect(calls.filter((call) => call === "POST /api/uploads")).toHaveLength(1);
  expect(deletedIds(calls)).toHaveLength(0);
});

test("processing that fails shows the failed state; Retry replaces the failed video", async ({
  page,
}) => {
  await setFaults({ processing: { fail: true, count: 1 } });
  await dropSample(page, "doomed.mp4");
  const item = uploadItem(page, "doomed");
  await expect(item).toHaveAttribute("data-phase", "failed", { timeout: 45_000 });
  await expect(item).toContainText("could not be processed");
  const failedId = await item.getAttribute("data-video-id");

  await item.getByRole("button", { name: "Retry" }).click();
  await expectReady(page, "doomed");
  expect(await item.getAttribute("data-video-id")).not.toBe(failedId);
  await expectVideoGone(failedId);
});
