import { expect, type Page, type TestInfo } from "@playwright/test";
import { openAsBlob } from "node:fs";
import path from "node:path";

// Videos are made on the sandbox's VdoCipher API directly, as an upload from elsewhere would be,
// so the watch and library specs do not depend on the upload UI.

import { sandboxUrl as SANDBOX } from "./sandbox";
const AUTH = { Authorization: `Apisecret ${process.env.SANDBOX_API_SECRET ?? "sandbox-secret"}` };

type Credentials = { videoId: string; clientPayload: Record<string, string> };

/** A unique word for this run, so specs can search for their own videos in a shared sandbox. */
export const uniqueTag = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export async function createVideo(title: string): Promise<Credentials> {
  const response = await fetch(`${SANDBOX}/api/videos?title=${encodeURIComponent(title)}`, {
    method: "PUT",
    headers: AUTH,
  });
  expect(response.status, "sandbox PUT /api/videos").toBe(200);
  return (await response.json()) as Credentials;
}

export async function uploadFixture(credentials: Credentials, fixture: string): Promise<void> {
  const { uploadLink, ...fields } = credentials.clientPayload;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("success_action_status", "201");
  form.append("success_action_redirect", "");
  form.append(
    "file",
    await openAsBlob(path.join(process.cwd(), "tests", "fixtures", fixture)),
    fixture,
  );
  const response = await fetch(uploadLink!, { method: "POST", body: form });
  expect(response.status, "upload to the sandbox's S3 endpoint").toBe(201);
}

export async function sandboxVideo(id: string): Promise<Response> {
  return fetch(`${SANDBOX}/api/videos/${id}`, { headers: AUTH });
}

export async function waitUntilReady(id: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await sandboxVideo(id);
        return ((await response.json()) as { status?: string }).status?.toLowerCase();
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe("ready");
}

/** A ready video made from a real fixture; answers its id. */
export async function readyVideo(title: string, fixture = "sample-b.mp4"): Promise<string> {
  const credentials = await createVideo(title);
  await uploadFixture(credentials, fixture);
  await waitUntilReady(credentials.videoId);
  return credentials.videoId;
}

export async function deleteSandboxVideos(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await fetch(`${SANDBOX}/api/videos?videos=${ids.join(",")}`, { method: "DELETE", headers: AUTH });
}

// The one sign-in every spec uses, re-exported for the specs that import their helpers from here.
export { signIn } from "./auth";

/** Types a library search and waits for the debounced search to reach the URL (and so the list). */
export async function searchLibrary(page: Page, text: string): Promise<void> {
  await page.getByLabel("Search videos by title").fill(text);
  const q = new URLSearchParams({ q: text }).toString();
  await expect(page).toHaveURL((url) => url.search.includes(q));
}

export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements sticking out name the cause in the failure message.
    const culprits = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .filter(
        (el) =>
          ![...el.children].some((child) => child.getBoundingClientRect().right > width + 0.5),
      )
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, culprits };
  });
  expect(
    scrollWidth,
    `page scrolls sideways; too wide: ${culprits.join(", ")}`,
  ).toBeLessThanOrEqual(clientWidth);
}

/** A full-page screenshot kept as a test artifact (test-results/, attached to the report). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Starts the sandbox player's <video> inside the iframe and waits until it has played past 1 s. */
export async function expectPlays(page: Page): Promise<void> {
  const video = page.frameLocator('iframe[title^="Video player"]').locator("video");
  await expect(video).toBeVisible();
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    return element.play();
  });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), {
      timeout: 20_000,
    })
    .toBeGreaterThan(1);
}
