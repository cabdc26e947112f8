import { expect, type Page } from "@playwright/test";

/** Records every announcement of the studio's polite live region, in order. */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __announcements: string[] }).__announcements = seen;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const region = (mutation.target as Element).closest?.('[data-testid="upload-announcer"]');
        if (!region) continue;
        mutation.addedNodes.forEach((node) => seen.push(node.textContent ?? ""));
      }
    }).observe(document, { subtree: true, childList: true });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __announcements: string[] }).__announcements);
}

/** The calls this page makes to our API and to storage, as "METHOD path". */
export function recordRequests(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/s3/")) {
      calls.push(`${request.method()} ${url.pathname}`);
    }
  });
  return calls;
}

export const uploadItem = (page: Page, title: string) =>
  page.getByTestId("upload-item").filter({ hasText: title });

export async function expectReady(page: Page, title: string, timeout = 45_000) {
  const item = uploadItem(page, title);
  await expect(item).toHaveAttribute("data-phase", "ready", { timeout });
  return item;
}
