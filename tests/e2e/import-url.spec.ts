import { expect, test } from "@playwright/test";
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { signIn } from "./helpers/auth";
import { fixturePath } from "./helpers/drop";
import { getSandboxVideo } from "./helpers/sandbox";
import { expectReady, recordRequests, uploadItem } from "./helpers/studio";

// "Import from URL" in the studio: the sandbox downloads the video from a web server on loopback
// (started here), and the item follows the same processing timeline as an uploaded file.

let server: http.Server;
let origin: string;

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url !== "/media/launch-teaser.mp4") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const file = fixturePath("sample.mp4");
    response.writeHead(200, { "Content-Type": "video/mp4", "Content-Length": statSync(file).size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("a video imported from a URL reaches ready in the upload list", async ({ page }) => {
  const calls = recordRequests(page);
  await page.goto("/");
  const field = page.getByLabel("Import from URL");
  await field.fill(`${origin}/media/launch-teaser.mp4`);
  await page.getByRole("button", { name: "Import", exact: true }).click();

  const item = uploadItem(page, "launch-teaser");
  await expect(item).toBeVisible();
  await expect(item).toContainText(`Imported from ${origin}/media/launch-teaser.mp4`);
  await expect(field).toHaveValue("");
  await expectReady(page, "launch-teaser");
  const videoId = await item.getAttribute("data-video-id");
  expect(videoId).toMatch(/^[0-9a-f]{32}$/);
  await expect(item.getByRole("link", { name: "Watch" })).toBeVisible();
  expect((await getSandboxVideo(videoId!)).status).toBe("ready");

  expect(calls.filter((call) => call === "POST /api/imports")).toHaveLength(1);
  expect(calls.some((call) => call === "POST /api/uploads" || call.startsWith("POST /s3/"))).toBe(
    false,
  );
});

test("an address that answers 404 ends as failed with a reason", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Import from URL").fill(`${origin}/media/gone.mp4`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const item = uploadItem(page, "gone");
  await expect(item).toHaveAttribute("data-phase", "failed", { timeout: 30_000 });
  await expect(item).toContainText("could not download or process the file at this address");
  await expect(item.getByRole("button", { name: "Retry" })).toHaveCount(0);
});

test("a non-http address is refused in the page, before any request", async ({ page }) => {
  const calls = recordRequests(page);
  await page.goto("/");
  const field = page.getByLabel("Import from URL");
  await field.fill("ftp://127.0.0.1/video.mp4");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/full http:\/\/ or https:\/\/ address/);
  await expect(page.getByRole("alert").filter({ hasText: "http:// or https://" })).toBeVisible();
  expect(calls.filter((call) => call === "POST /api/imports")).toHaveLength(0);
});
