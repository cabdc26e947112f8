// The browser half of `npm run bench:upload`: one upload through the studio's real dropzone in
// headless Chromium, with the page's clock, CDP's heap metrics and the sandbox's incoming/ folder
// as the witnesses. Nothing here touches the app's code: the file goes in through the dropzone's
// <input type=file> by path, so Chromium streams it from disk exactly as for a person's pick.
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { watch } from "node:fs";
import { chromiumArgs, chromiumExecutable } from "../tests/helpers/chromium";
import { setTimeout as sleep } from "node:timers/promises";
import { SANDBOX_CREATOR } from "../tests/e2e/helpers/auth";

export type BrowserRun = {
  /** Drop (the input's change event, page clock) → storage's 201 (response headers, CDP timing). */
  dropTo201Ms: number;
  /** Chromium starts sending the S3 POST (CDP sendStart) → 201: the transfer alone. */
  postMs: number;
  /** Drop → Chromium starts sending the S3 POST (request line and headers, then the body). */
  dropToSendMs: number;
  /** Drop → the sandbox opens incoming/<id>.part, i.e. the body's form fields arrived and the file part began. */
  dropToSandboxFileMs: number | null;
  /** Peak JSHeapUsedSize during the upload minus the value after a forced GC before the drop. */
  heapPeakGrowthBytes: number;
  /** JSHeapUsedSize after a forced GC once the item showed the 201, minus the same baseline. */
  heapRetainedBytes: number;
  heapSamples: number;
  videoId: string;
};

export async function openStudio(baseURL: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in?next=%2F");
  await page.getByLabel("Email").fill(SANDBOX_CREATOR.email);
  await page.getByLabel("Password").fill(SANDBOX_CREATOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return { browser, page };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const used = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value;
  if (used === undefined) throw new Error("CDP reported no JSHeapUsedSize");
  return used;
}

function sampleHeap(cdp: CDPSession, everyMs: number) {
  let peak = 0;
  let samples = 0;
  let running = everyMs > 0;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await heapUsed(cdp));
      samples += 1;
      await sleep(everyMs);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { peak, samples };
  };
}

/** Resolves the wall time at which the sandbox first creates a file in `incomingDir`. */
function watchIncoming(incomingDir: string) {
  let seenAt: number | null = null;
  const watcher = watch(incomingDir, (_event, name) => {
    if (seenAt === null && name?.endsWith(".part")) seenAt = Date.now();
  });
  return () => {
    watcher.close();
    return seenAt;
  };
}

const isS3Post = (method: string, url: string) =>
  method === "POST" && new URL(url).pathname.startsWith("/s3/");

export async function uploadThroughStudio(
  page: Page,
  file: string,
  incomingDir: string,
  heapSampleMs = 200,
): Promise<BrowserRun> {
  await page.goto("/");
  const dropzone = page.getByRole("button", { name: /drop videos here/i });
  await dropzone.waitFor();
  await page.evaluate(() => {
    const marks = window as unknown as { __benchDropAt?: number };
    document.addEventListener(
      "change",
      (event) => {
        if (event.target instanceof HTMLInputElement && event.target.type === "file")
          marks.__benchDropAt ??= performance.timeOrigin + performance.now();
      },
      { capture: true },
    );
  });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const baseline = await heapUsed(cdp);
  const stopSampling = sampleHeap(cdp, heapSampleMs);
  const stopWatching = watchIncoming(incomingDir);
  const s3Response = page.waitForResponse(
    (response) => isS3Post(response.request().method(), response.url()),
    { timeout: 240_000 },
  );

  await dropzone.locator("input[type=file]").setInputFiles(file);
  const response = await s3Response;
  const sandboxFileAt = stopWatching();
  if (response.status() !== 201) throw new Error(`storage answered ${response.status()}`);
  const item = page.locator(
    '[data-testid="upload-item"]:is([data-phase="queued"], [data-phase="processing"], [data-phase="ready"], [data-phase="failed"])',
  );
  await item.waitFor({ timeout: 60_000 });
  const { peak, samples } = await stopSampling();
  await cdp.send("HeapProfiler.collectGarbage");
  const retained = (await heapUsed(cdp)) - baseline;
  await cdp.detach();

  const dropAt = await page.evaluate(
    () => (window as unknown as { __benchDropAt?: number }).__benchDropAt,
  );
  if (dropAt === undefined) throw new Error("the dropzone's input saw no change event");
  const timing = response.request().timing();
  const sendAt = timing.startTime + timing.requestStart;
  const answeredAt = timing.startTime + timing.responseStart;
  return {
    dropTo201Ms: answeredAt - dropAt,
    postMs: answeredAt - sendAt,
    dropToSendMs: sendAt - dropAt,
    dropToSandboxFileMs: sandboxFileAt === null ? null : sandboxFileAt - dropAt,
    heapPeakGrowthBytes: Math.max(0, peak - baseline),
    heapRetainedBytes: retained,
    heapSamples: samples,
    videoId: (await item.getAttribute("data-video-id")) ?? "",
  };
}
